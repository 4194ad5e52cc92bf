package dev.schemagate.postgres.introspect;

import dev.schemagate.model.Dependency;
import dev.schemagate.model.Snapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The snapshot carries the links pg_depend records, each end named as the model names the object. */
class DependencyReaderTest {

    private static final String SCHEMA = """
            CREATE EXTENSION citext;
            CREATE TYPE mood AS ENUM ('sad', 'happy');
            CREATE TYPE pair AS (a int, b mood);
            CREATE DOMAIN pos AS int CONSTRAINT pos_check CHECK (VALUE > 0);
            CREATE FUNCTION positive(x int) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT x > 0 $$;
            CREATE FUNCTION make_pair(x int) RETURNS pair LANGUAGE sql IMMUTABLE AS $$ SELECT ROW(x, 'sad')::pair $$;
            CREATE FUNCTION twice(x int) RETURNS int LANGUAGE sql IMMUTABLE BEGIN ATOMIC SELECT 2 * x; END;
            CREATE FUNCTION four_times(x int) RETURNS int LANGUAGE sql IMMUTABLE BEGIN ATOMIC SELECT twice(twice(x)); END;
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE SEQUENCE codes;
            CREATE TABLE items (
                id int PRIMARY KEY,
                code bigint DEFAULT nextval('codes'),
                doubled int GENERATED ALWAYS AS (twice(id)) STORED,
                feeling mood[],
                amount pos,
                name citext,
                CONSTRAINT items_positive CHECK (positive(id)));
            CREATE INDEX items_twice ON items (twice(id));
            CREATE TRIGGER items_touch BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION touch();
            ALTER TABLE items ENABLE ROW LEVEL SECURITY;
            CREATE POLICY items_own ON items USING (positive(id));
            CREATE VIEW pairs AS SELECT (make_pair(id)).a AS a FROM items;
            CREATE VIEW more_pairs AS SELECT a FROM pairs;
            """;

    @Test
    void viewsDefaultsGeneratedColumnsTriggersPoliciesChecksIndexesAndTypesAreLinked() throws Exception {
        Snapshot snapshot = RoundTrip.snapshotOf(RoundTrip.server(), SCHEMA);

        assertThat(snapshot.dependencies()).extracting(DependencyReaderTest::text).contains(
                "view public.pairs → routine public.make_pair(x integer)",
                "view public.pairs → table public.items › column id",
                "view public.more_pairs → view public.pairs › column a",
                "routine public.make_pair(x integer) → composite type public.pair",
                "routine public.four_times(x integer) → routine public.twice(x integer)",
                "composite type public.pair › attribute b → enum type public.mood",
                "table public.items › column code → sequence public.codes",
                "table public.items › column doubled → routine public.twice(x integer)",
                "table public.items › column feeling → enum type public.mood",
                "table public.items › column amount → domain public.pos",
                "table public.items › constraint items_positive → routine public.positive(x integer)",
                "table public.items › index items_twice → routine public.twice(x integer)",
                "table public.items › trigger items_touch → routine public.touch()",
                "table public.items › policy items_own → routine public.positive(x integer)");
        assertThat(snapshot.dependencies()).extracting(DependencyReaderTest::text)
                .noneMatch(link -> link.contains("citext"))
                .noneMatch(link -> link.startsWith("table public.items") && link.contains("→ table public.items"));
    }

    private static String text(Dependency dependency) {
        return dependency.dependent().label() + " → " + dependency.referenced().label();
    }
}
