package dev.schemagate.postgres.mutation;

import dev.schemagate.check.Severity;
import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.migration.Script;
import dev.schemagate.migration.Transaction;
import dev.schemagate.migration.Version;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.Direction;
import dev.schemagate.mutation.Mutant;
import dev.schemagate.mutation.MutationOperator;
import dev.schemagate.mutation.MutationOperators;
import dev.schemagate.mutation.Mutator;
import dev.schemagate.postgres.PostgresSplitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Each operator, on a small script: the mutants are the mistakes it says it makes, and only those. No database. */
class OperatorsTest {

    private static final Map<String, MutationOperator> OPERATORS = MutationOperators.forDialect("postgres").stream()
            .collect(Collectors.toMap(MutationOperator::id, Function.identity()));

    @TempDir
    Path dir;

    @Test
    void theRegistryHasAtLeast27OperatorsInFourCategoriesWithUniqueIds() {
        List<MutationOperator> all = MutationOperators.forDialect("postgres");
        assertThat(all).hasSizeGreaterThanOrEqualTo(27);
        assertThat(all.stream().map(MutationOperator::id).distinct()).hasSize(all.size());
        assertThat(all.stream().map(MutationOperator::category).collect(Collectors.toSet())).isEqualTo(Set.of(Category.values()));
        assertThat(all).allSatisfy(op -> assertThat(op.id()).startsWith(op.category().id() + "."));
        assertThat(MutationOperators.forDialect("sqlite")).noneMatch(op -> op.category() == Category.LOCKING);
    }

    @Test
    void columnTypeNarrowsEachColumnOnce() throws IOException {
        assertThat(up("schema.column-type", "CREATE TABLE t (id bigint PRIMARY KEY, name varchar(100) NOT NULL, flag boolean);"))
                .containsExactly("CREATE TABLE t (id integer PRIMARY KEY, name varchar(100) NOT NULL, flag boolean);",
                        "CREATE TABLE t (id bigint PRIMARY KEY, name varchar(50) NOT NULL, flag boolean);");
        assertThat(up("schema.column-type", "ALTER TABLE t ALTER COLUMN total TYPE numeric(12,2);"))
                .containsExactly("ALTER TABLE t ALTER COLUMN total TYPE numeric(12,0);");
    }

    @Test
    void dropNotNullFromColumnsAndAlterActions() throws IOException {
        assertThat(up("schema.drop-not-null", "CREATE TABLE t (a int NOT NULL, b text NOT NULL DEFAULT 'x');"))
                .containsExactly("CREATE TABLE t (a int, b text NOT NULL DEFAULT 'x');", "CREATE TABLE t (a int NOT NULL, b text DEFAULT 'x');");
        assertThat(up("schema.drop-not-null", "ALTER TABLE t ALTER COLUMN a SET NOT NULL;")).containsExactly("");
        assertThat(up("schema.drop-not-null", "SELECT 1 WHERE 'NOT NULL' IS NOT NULL;")).isEmpty();
    }

    @Test
    void dropCheckTableLevelInlineAndAdded() throws IOException {
        assertThat(up("schema.drop-check", "CREATE TABLE t (q int NOT NULL CHECK (q > 0), CONSTRAINT t_ok CHECK (q < 9));"))
                .containsExactly("CREATE TABLE t (q int NOT NULL CHECK (q > 0));", "CREATE TABLE t (q int NOT NULL, CONSTRAINT t_ok CHECK (q < 9));");
        assertThat(up("schema.drop-check", "ALTER TABLE t ADD CONSTRAINT t_ok CHECK (q > 0);")).containsExactly("");
    }

    @Test
    void dropUniqueAndUniqueIndex() throws IOException {
        assertThat(up("schema.drop-unique", "CREATE TABLE t (sku text NOT NULL UNIQUE, UNIQUE (a, b));"))
                .containsExactlyInAnyOrder("CREATE TABLE t (sku text NOT NULL UNIQUE);", "CREATE TABLE t (sku text NOT NULL, UNIQUE (a, b));");
        assertThat(up("schema.drop-unique", "CREATE UNIQUE INDEX i ON t (lower(email));")).containsExactly("CREATE INDEX i ON t (lower(email));");
    }

    @Test
    void dropForeignKeyInlineAndTableLevel() throws IOException {
        assertThat(up("schema.drop-foreign-key", "CREATE TABLE o (c bigint NOT NULL REFERENCES c (id) ON DELETE CASCADE, "
                + "FOREIGN KEY (p) REFERENCES p (id));"))
                .containsExactly("CREATE TABLE o (c bigint NOT NULL REFERENCES c (id) ON DELETE CASCADE);",
                        "CREATE TABLE o (c bigint NOT NULL, FOREIGN KEY (p) REFERENCES p (id));");
        assertThat(up("schema.drop-foreign-key", "ALTER TABLE o ADD CONSTRAINT fk FOREIGN KEY (c) REFERENCES c (id);")).containsExactly("");
    }

    @Test
    void onDeleteChangesTheAction() throws IOException {
        assertThat(up("schema.on-delete", "CREATE TABLE o (c int REFERENCES c ON DELETE CASCADE, d int REFERENCES d ON DELETE SET NULL);"))
                .containsExactly("CREATE TABLE o (c int REFERENCES c ON DELETE NO ACTION, d int REFERENCES d ON DELETE SET NULL);",
                        "CREATE TABLE o (c int REFERENCES c ON DELETE CASCADE, d int REFERENCES d ON DELETE CASCADE);");
    }

    @Test
    void changeDefaultOnlyWhereTheValueKeepsItsKind() throws IOException {
        assertThat(up("schema.change-default", "CREATE TABLE t (n int DEFAULT 0, b boolean DEFAULT true, s text DEFAULT 'a', "
                + "e mood DEFAULT 'ok', at timestamptz DEFAULT now());"))
                .containsExactly("CREATE TABLE t (n int DEFAULT 1, b boolean DEFAULT true, s text DEFAULT 'a', e mood DEFAULT 'ok', at timestamptz DEFAULT now());",
                        "CREATE TABLE t (n int DEFAULT 0, b boolean DEFAULT false, s text DEFAULT 'a', e mood DEFAULT 'ok', at timestamptz DEFAULT now());",
                        "CREATE TABLE t (n int DEFAULT 0, b boolean DEFAULT true, s text DEFAULT 'ax', e mood DEFAULT 'ok', at timestamptz DEFAULT now());");
    }

    @Test
    void renameColumnWhereItIsCreatedOrRenamed() throws IOException {
        assertThat(up("schema.rename-column", "ALTER TABLE t ADD COLUMN total bigint;")).containsExactly("ALTER TABLE t ADD COLUMN total_renamed bigint;");
        assertThat(up("schema.rename-column", "ALTER TABLE t RENAME COLUMN a TO \"B\";")).containsExactly("ALTER TABLE t RENAME COLUMN a TO \"B_renamed\";");
    }

    @Test
    void dropIndexKeepsTheLines() throws IOException {
        assertThat(up("schema.drop-index", "CREATE TABLE t (a int);\nCREATE INDEX i ON t\n  (a);\nSELECT 1;"))
                .containsExactly("CREATE TABLE t (a int);\n\n\nSELECT 1;");
    }

    @Test
    void removeWhereKeepsReturning() throws IOException {
        assertThat(up("data.remove-where", "UPDATE t SET a = (SELECT 1 WHERE true) WHERE id = 1 RETURNING id;"))
                .containsExactly("UPDATE t SET a = (SELECT 1 WHERE true)  RETURNING id;");
        assertThat(up("data.remove-where", "DELETE FROM t WHERE sku IN ('A');")).containsExactly("DELETE FROM t ;");
    }

    @Test
    void changeBackfillChangesLiteralAssignments() throws IOException {
        assertThat(up("data.change-backfill", "UPDATE t SET a = 5, b = now(), c = 'x' WHERE a IS NULL;"))
                .containsExactly("UPDATE t SET a = 6, b = now(), c = 'x' WHERE a IS NULL;", "UPDATE t SET a = 5, b = now(), c = 'xx' WHERE a IS NULL;");
    }

    @Test
    void dropCopyStepAndSwapOnlyBeforeADrop() throws IOException {
        String script = "ALTER TABLE t ADD COLUMN b int;\nUPDATE t SET b = a;\nALTER TABLE t DROP COLUMN a;";
        assertThat(up("data.drop-copy-step", script)).containsExactly("ALTER TABLE t ADD COLUMN b int;\n\nALTER TABLE t DROP COLUMN a;");
        assertThat(up("data.swap-copy-and-drop", script))
                .containsExactly("ALTER TABLE t ADD COLUMN b int;\nALTER TABLE t DROP COLUMN a;\nUPDATE t SET b = a;");
        assertThat(up("data.drop-copy-step", "UPDATE t SET b = a;\nALTER TABLE t DROP CONSTRAINT k;")).isEmpty();
    }

    @Test
    void addTruncateOncePerAlteredTable() throws IOException {
        assertThat(up("data.add-truncate", "ALTER TABLE t ADD COLUMN b int;\nALTER TABLE t ADD COLUMN c int;\nCREATE TABLE u (a int);"))
                .containsExactly("ALTER TABLE t ADD COLUMN b int; DELETE FROM t;\nALTER TABLE t ADD COLUMN c int;\nCREATE TABLE u (a int);");
    }

    @Test
    void rollbackOperatorsWorkOnTheDownScriptOnly() throws IOException {
        String down = "ALTER TABLE t ALTER COLUMN a TYPE bigint;\nALTER TABLE t ALTER COLUMN a SET DEFAULT 0;\n"
                + "ALTER TABLE t ALTER COLUMN a SET NOT NULL;\nCREATE INDEX i ON t (a);\nDROP TABLE u;\nDROP TABLE v;";
        assertThat(mutate("rollback.drop-statement", "SELECT 1;", down)).containsExactly(
                down.replace("DROP TABLE u;", ""), down.replace("DROP TABLE v;", ""));
        assertThat(mutate("rollback.forget-type", "SELECT 1;", down)).containsExactly(down.replace("ALTER TABLE t ALTER COLUMN a TYPE bigint;", ""));
        assertThat(mutate("rollback.other-type", "SELECT 1;", down)).containsExactly(down.replace("TYPE bigint", "TYPE integer"));
        assertThat(mutate("rollback.forget-default", "SELECT 1;", down)).containsExactly(down.replace("ALTER TABLE t ALTER COLUMN a SET DEFAULT 0;", ""));
        assertThat(mutate("rollback.forget-not-null", "SELECT 1;", down)).containsExactly(down.replace("ALTER TABLE t ALTER COLUMN a SET NOT NULL;", ""));
        assertThat(mutate("rollback.forget-index", "SELECT 1;", down)).containsExactly(down.replace("CREATE INDEX i ON t (a);", ""));
        assertThat(mutate("rollback.reorder-drops", "SELECT 1;", down)).containsExactly(down.replace("DROP TABLE u;\nDROP TABLE v", "DROP TABLE v;\nDROP TABLE u"));
        assertThat(mutants("rollback.drop-statement", down, "SELECT 1;")).singleElement()
                .satisfies(m -> assertThat(m.direction()).isEqualTo(Direction.DOWN));
        assertThat(mutate("rollback.forget-default", "SELECT 1;", "ALTER TABLE t ADD COLUMN a int NOT NULL DEFAULT 0;"))
                .containsExactly("ALTER TABLE t ADD COLUMN a int NOT NULL;");
    }

    @Test
    void lockingOperators() throws IOException {
        assertThat(up("locking.remove-concurrently", "CREATE INDEX CONCURRENTLY i ON t (a);")).containsExactly("CREATE INDEX i ON t (a);");
        assertThat(up("locking.remove-not-valid", "ALTER TABLE t ADD CONSTRAINT k FOREIGN KEY (a) REFERENCES u NOT VALID;"))
                .containsExactly("ALTER TABLE t ADD CONSTRAINT k FOREIGN KEY (a) REFERENCES u;");
        assertThat(up("locking.volatile-default", "ALTER TABLE t ADD COLUMN n int NOT NULL DEFAULT 0;"))
                .containsExactly("ALTER TABLE t ADD COLUMN n int NOT NULL DEFAULT (CASE WHEN random() < 2 THEN 0 END);");
        assertThat(up("locking.validate-same-transaction", "ALTER TABLE t ADD CONSTRAINT k CHECK (a > 0) NOT VALID;"))
                .containsExactly("ALTER TABLE t ADD CONSTRAINT k CHECK (a > 0) NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT k;");
        assertThat(up("locking.remove-lock-timeout", "SET lock_timeout = '5s';\nALTER TABLE t ADD COLUMN a int;"))
                .containsExactly("\nALTER TABLE t ADD COLUMN a int;");
        assertThat(up("locking.add-rewrite", "ALTER TABLE t ADD COLUMN a varchar(20);"))
                .containsExactly("ALTER TABLE t ADD COLUMN a varchar(20); ALTER TABLE t ALTER COLUMN a TYPE varchar(20) USING a::text::varchar(20);");
        assertThat(up("locking.add-rewrite", "CREATE TABLE t (a int);")).isEmpty();
    }

    @Test
    void validationInTheSameTransactionOnlyWhereTheToolRunsTheScriptInOne() throws IOException {
        String up = "ALTER TABLE t ADD CONSTRAINT k CHECK (a > 0) NOT VALID;";
        assertThat(run("locking.validate-same-transaction", up, Transaction.Mode.ONE_QUERY))
                .as("a tool that sends the file as one query runs the two statements in one implicit block").hasSize(1);
        assertThat(run("locking.validate-same-transaction", up, Transaction.Mode.NONE)).isEmpty();
    }

    @Test
    void everyOperatorHasASeverityADescriptionAndWhatWouldCatchIt() {
        assertThat(OPERATORS.values()).allSatisfy(op -> {
            assertThat(op.severity()).isIn(Severity.ERROR, Severity.WARNING);
            assertThat(op.description()).isNotBlank();
            assertThat(op.caughtBy()).isNotBlank();
        });
    }

    @Test
    void aMutantNamesItsFileLineAndDiff() throws IOException {
        List<Mutant> mutants = mutants("schema.drop-not-null", "-- users\nCREATE TABLE users (\n  email text NOT NULL\n);", "DROP TABLE users;");
        assertThat(mutants).singleElement().satisfies(m -> {
            assertThat(m.line()).as("the changed line, not the statement's first").isEqualTo(3);
            assertThat(m.summary()).isEqualTo("NOT NULL dropped from email");
            assertThat(m.diff()).isEqualTo("--- a/1_x.up.sql\n+++ b/1_x.up.sql\n@@ -1,4 +1,4 @@\n -- users\n CREATE TABLE users (\n"
                    + "-  email text NOT NULL\n+  email text\n );\n");
        });
    }

    @Test
    void aSampleIsTheSameForTheSameSeedAndKeepsTheMutantsInOrder() throws IOException {
        List<Mutant> all = mutants("schema.rename-column", "CREATE TABLE t (a int, b int, c int, d int, e int, f int);", "SELECT 1;");
        List<Mutant> one = Mutator.sample(all, 3, 7);

        assertThat(one).hasSize(3).isEqualTo(Mutator.sample(all, 3, 7)).isSortedAccordingTo(java.util.Comparator.comparing(Mutant::id));
        assertThat(all).containsSubsequence(one);
        assertThat(Mutator.sample(all, 0, 7)).isEqualTo(all);
    }

    private List<Mutant> run(String operator, String up, Transaction.Mode mode) throws IOException {
        Path upFile = Files.writeString(dir.resolve("1_x.up.sql"), up);
        Script script = new Script(upFile, Script.of(upFile, up).parts(), new Transaction(mode, "tool", "how the tool runs it"));
        Migration migration = new Migration(Version.parse("1"), "x", script, Optional.empty());
        MigrationSet set = new MigrationSet(dir, Layout.AUTO, List.of(migration));
        return new Mutator(new PostgresSplitter(), List.of(OPERATORS.get(operator)), dir).mutants(set, HistoryCut.none());
    }

    private List<String> up(String operator, String sql) throws IOException {
        return mutate(operator, sql, "SELECT 1;");
    }

    /** The texts of the changed script, one per mutant. */
    private List<String> mutate(String operator, String up, String down) throws IOException {
        return mutants(operator, up, down).stream().map(m -> m.script().text()).toList();
    }

    private List<Mutant> mutants(String operator, String up, String down) throws IOException {
        assertThat(OPERATORS).containsKey(operator);
        Path upFile = Files.writeString(dir.resolve("1_x.up.sql"), up);
        Path downFile = Files.writeString(dir.resolve("1_x.down.sql"), down);
        Migration migration = new Migration(Version.parse("1"), "x", Script.of(upFile, up), Optional.of(Script.of(downFile, down)));
        MigrationSet set = new MigrationSet(dir, Layout.AUTO, List.of(migration));
        return new Mutator(new PostgresSplitter(), List.of(OPERATORS.get(operator)), dir).mutants(set, HistoryCut.none());
    }
}
