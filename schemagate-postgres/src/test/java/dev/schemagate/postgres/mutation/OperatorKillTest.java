package dev.schemagate.postgres.mutation;

import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.migration.Version;
import dev.schemagate.model.SnapshotJson;
import dev.schemagate.model.SnapshotOptions;
import dev.schemagate.engine.SnapshotSource;
import dev.schemagate.mutation.MutantResult;
import dev.schemagate.mutation.MutationOperator;
import dev.schemagate.mutation.MutationOperators;
import dev.schemagate.mutation.MutationOptions;
import dev.schemagate.mutation.MutationResult;
import dev.schemagate.mutation.MutationRun;
import dev.schemagate.mutation.Verdict;
import dev.schemagate.postgres.PostgresDialect;
import dev.schemagate.postgres.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every PostgreSQL operator against a known-good gate: one small history, built so that each
 * operator applies at a site where the mistake matters, run once on the shared embedded PostgreSQL
 * with every default check and an expected schema (the unmutated history's own snapshot). At its
 * site, each operator's mutant must be killed, by the check named for it. Schema operators are
 * killed by the expected-schema check only ({@code --expected}): a narrower type or a dropped
 * constraint applies, reverses and keeps its rows, so no other check can see it. The first
 * migration is history ({@code --baseline 1}): the later ones change what it creates, so its
 * mutants would be masked. Mutants away from the sites are not asserted.
 */
class OperatorKillTest {

    /** Where each operator is exercised (its file) and the rule prefixes of the checks that must catch it. */
    private static final Map<String, Site> SITES = Map.ofEntries(
            entry("schema.column-type", new Site("2_customers.up.sql", "expected.")),
            entry("schema.drop-not-null", new Site("2_customers.up.sql", "expected.")),
            entry("schema.drop-check", new Site("2_customers.up.sql", "expected.")),
            entry("schema.drop-unique", new Site("2_customers.up.sql", "expected.")),
            entry("schema.change-default", new Site("2_customers.up.sql", "expected.")),
            entry("schema.drop-foreign-key", new Site("3_orders.up.sql", "expected.")),
            entry("schema.on-delete", new Site("3_orders.up.sql", "expected.")),
            entry("schema.drop-index", new Site("3_orders.up.sql", "expected.")),
            entry("schema.rename-column", new Site("4_status.up.sql", "apply.")),
            entry("data.change-backfill", new Site("4_status.up.sql", "data.")),
            entry("data.add-truncate", new Site("5_copy.up.sql", "data.")),
            entry("data.remove-where", new Site("5_copy.up.sql", "data.")),
            entry("data.drop-copy-step", new Site("5_copy.up.sql", "data.")),
            entry("data.swap-copy-and-drop", new Site("5_copy.up.sql", "apply.")),
            entry("rollback.drop-statement", new Site("3_orders.down.sql", "reversibility.")),
            entry("rollback.reorder-drops", new Site("3_orders.down.sql", "reversibility.")),
            entry("rollback.forget-default", new Site("6_relax.down.sql", "reversibility.")),
            entry("rollback.forget-not-null", new Site("6_relax.down.sql", "reversibility.")),
            entry("rollback.forget-index", new Site("6_relax.down.sql", "reversibility.")),
            entry("rollback.forget-type", new Site("6_relax.down.sql", "reversibility.")),
            entry("rollback.other-type", new Site("6_relax.down.sql", "reversibility.")),
            entry("locking.remove-lock-timeout", new Site("5_copy.up.sql", "lint.missing-lock-timeout")),
            entry("locking.volatile-default", new Site("5_copy.up.sql", "lint.")),
            entry("locking.add-rewrite", new Site("4_status.up.sql", "lint.change-column-type")),
            entry("locking.remove-concurrently", new Site("7_index.up.sql", "lint.add-index-non-concurrently")),
            entry("locking.remove-not-valid", new Site("8_fk.up.sql", "lint.add-foreign-key-without-not-valid")),
            entry("locking.validate-same-transaction", new Site("8_fk.up.sql", "lint.validate-in-same-transaction")));

    @TempDir
    static Path dir;

    @TempDir
    static Path expected;

    private static MutationResult result;

    private record Site(String file, String caughtBy) {
    }

    @BeforeAll
    static void mutate() throws IOException {
        write("1_notes.up.sql", "CREATE TABLE notes (id smallint PRIMARY KEY, body date, pinned smallint NOT NULL DEFAULT 0, kind integer);\n"
                + "CREATE INDEX notes_kind ON notes (kind);\n");
        write("1_notes.down.sql", "DROP TABLE notes;\n");
        write("2_customers.up.sql", "CREATE TABLE customers (\n  id smallint PRIMARY KEY,\n  email uuid NOT NULL UNIQUE,\n"
                + "  tier smallint DEFAULT 1,\n  score bigint CHECK (score >= 0)\n);\n");
        write("2_customers.down.sql", "DROP TABLE customers;\n");
        write("3_orders.up.sql", "CREATE TABLE orders (\n  id smallint PRIMARY KEY,\n"
                + "  customer_id smallint REFERENCES customers (id) ON DELETE CASCADE\n);\n"
                + "CREATE TABLE order_lines (\n  id smallint PRIMARY KEY,\n  order_id smallint REFERENCES orders (id)\n);\n"
                + "CREATE INDEX orders_customer ON orders (customer_id);\n");
        write("3_orders.down.sql", "DROP TABLE order_lines;\nDROP TABLE orders;\n");
        write("4_status.up.sql", "SET lock_timeout = '5s';\nALTER TABLE orders ADD COLUMN status varchar(10);\n"
                + "UPDATE orders SET status = 'new';\n"
                + "ALTER TABLE orders ADD CONSTRAINT orders_status_known CHECK (status IN ('new', 'paid'));\n");
        write("4_status.down.sql", "ALTER TABLE orders DROP COLUMN status;\n");
        write("5_copy.up.sql", "SET lock_timeout = '5s';\nALTER TABLE customers ADD COLUMN points smallint NOT NULL DEFAULT 0;\n"
                + "ALTER TABLE notes ADD COLUMN written date;\nUPDATE notes SET written = body;\nALTER TABLE notes DROP COLUMN body;\n"
                + "DELETE FROM order_lines WHERE id < 0;\n");
        write("5_copy.down.sql", "SET lock_timeout = '5s';\nALTER TABLE notes ADD COLUMN body date;\nUPDATE notes SET body = written;\n"
                + "ALTER TABLE notes DROP COLUMN written;\nALTER TABLE customers DROP COLUMN points;\n");
        write("6_relax.up.sql", "SET lock_timeout = '5s';\nALTER TABLE notes ALTER COLUMN kind TYPE bigint;\n"
                + "ALTER TABLE notes ALTER COLUMN pinned DROP DEFAULT;\nALTER TABLE notes ALTER COLUMN pinned DROP NOT NULL;\n"
                + "DROP INDEX notes_kind;\n");
        write("6_relax.down.sql", "SET lock_timeout = '5s';\nCREATE INDEX notes_kind ON notes (kind);\n"
                + "ALTER TABLE notes ALTER COLUMN pinned SET NOT NULL;\nALTER TABLE notes ALTER COLUMN pinned SET DEFAULT 0;\n"
                + "ALTER TABLE notes ALTER COLUMN kind TYPE integer;\n");
        write("7_index.up.sql", "CREATE INDEX CONCURRENTLY customers_score ON customers (score);\n");
        write("7_index.down.sql", "DROP INDEX CONCURRENTLY customers_score;\n");
        write("8_fk.up.sql", "SET lock_timeout = '5s';\n"
                + "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;\n");
        write("8_fk.down.sql", "ALTER TABLE orders DROP CONSTRAINT orders_customer_fk;\n");

        VerifyOptions gate = VerifyOptions.of(dir).withBaseline(Version.parse("1"));
        Path schema = expected.resolve("schema.json");
        Files.writeString(schema, SnapshotJson.toJson(SnapshotSource.read(dir.toString(), new PostgresDialect(), TestServer.shared(),
                gate.layout(), SnapshotOptions.full())));
        MutationOptions options = new MutationOptions(gate.withExpected(schema.toString()), 2, 0, 1, Duration.ofMinutes(2), null, dir, 0);
        result = new MutationRun(r -> { }).runOn(options, TestServer.shared());
    }

    static Stream<String> operators() {
        return MutationOperators.forDialect("postgres").stream().map(MutationOperator::id);
    }

    @Test
    void everyOperatorHasASiteAndTheHistoryIsNotMutated() {
        assertThat(SITES.keySet()).containsExactlyInAnyOrderElementsOf(operators().toList());
        assertThat(result.results()).noneMatch(r -> r.mutant().file().getFileName().toString().startsWith("1_"));
    }

    @ParameterizedTest
    @MethodSource("operators")
    void theOperatorsMutantIsKilledAtItsSiteByItsCheck(String operator) {
        Site site = SITES.get(operator);
        List<MutantResult> mutants = result.results().stream()
                .filter(r -> r.mutant().operator().id().equals(operator) && r.mutant().file().getFileName().toString().equals(site.file()))
                .toList();
        assertThat(mutants).as(operator + " makes a mutant of " + site.file()).isNotEmpty();
        assertThat(mutants).allSatisfy(r -> {
            assertThat(r.verdict()).as(r.mutant().id() + " " + r.mutant().summary() + " " + r.note() + "\n" + r.mutant().diff())
                    .isEqualTo(Verdict.KILLED);
            assertThat(r.caughtBy()).as(r.mutant().summary()).anyMatch(f -> f.ruleId().startsWith(site.caughtBy()));
        });
    }

    private static void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }
}
