package dev.schemagate.diff;

import dev.schemagate.model.Snapshot;
import dev.schemagate.model.dialect.Cast;
import dev.schemagate.model.dialect.PostgresObjects;
import dev.schemagate.model.dialect.Publication;
import dev.schemagate.model.dialect.PublishedTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Casts are told apart by their types, publications by name and their tables by qualified name; each kind can be ignored. */
class DatabaseObjectKindsTest {

    private static final Cast JSON_TEXT = new Cast("json", "text", null, Cast.Method.BINARY, Cast.Context.EXPLICIT, null);
    private static final Cast TEXT_JSON = new Cast("text", "json", null, Cast.Method.BINARY, Cast.Context.EXPLICIT, null);

    @Test
    void aCastIsMatchedByItsTypesAndItsChangesAreNamedUnderIt() {
        Cast implicit = new Cast("json", "text", null, Cast.Method.BINARY, Cast.Context.IMPLICIT, null);

        List<Difference> differences = SnapshotComparison.compare(snapshot(List.of(JSON_TEXT, TEXT_JSON), List.of()),
                snapshot(List.of(implicit), List.of()));

        assertThat(differences).containsExactly(
                new Difference(Difference.Kind.CHANGED, "cast (json AS text)", "context", Cast.Context.EXPLICIT,
                        Cast.Context.IMPLICIT),
                new Difference(Difference.Kind.MISSING, "cast (text AS json)", "", TEXT_JSON, null));
    }

    @Test
    void aPublishedTableIsMatchedByItsQualifiedName() {
        Publication before = publication(new PublishedTable("public", "orders", List.of(), null));
        Publication after = publication(new PublishedTable("public", "orders", List.of("id"), null));

        List<Difference> differences = SnapshotComparison.compare(snapshot(List.of(), List.of(before)),
                snapshot(List.of(), List.of(after)));

        assertThat(differences).containsExactly(new Difference(Difference.Kind.CHANGED,
                "publication out › published table public.orders", "columns", List.of(), List.of("id")));
    }

    @Test
    void eachKindCanBeIgnored() {
        Snapshot snapshot = snapshot(List.of(JSON_TEXT), List.of(publication()));
        IgnoreRules casts = new IgnoreRules(Set.of(), List.of(), Set.of("casts"));
        IgnoreRules publications = new IgnoreRules(Set.of(), List.of(), Set.of("publications"));

        assertThat(casts.apply(snapshot).postgres().casts()).isEmpty();
        assertThat(casts.apply(snapshot).postgres().publications()).hasSize(1);
        assertThat(publications.apply(snapshot).postgres().publications()).isEmpty();
        assertThat(IgnoreRules.KINDS).contains("statistics");
    }

    private static Publication publication(PublishedTable... tables) {
        return new Publication("out", false, List.of(tables), List.of(), List.of("insert"), false, null, null);
    }

    private static Snapshot snapshot(List<Cast> casts, List<Publication> publications) {
        return new Snapshot(null, null, null, null, null, null,
                new PostgresObjects(null, null, null, null, null, null, null, casts, null, publications, null, null),
                null);
    }
}
