package dev.schemagate.lint;

import dev.schemagate.check.Finding;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.postgres.TestServer;
import dev.schemagate.postgres.lint.ChangeColumnType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a schema large enough for the change tracker, the seeding before each migration reads the schema
 * as the last read with what changed since: the tables a migration adds or renames are seeded all the
 * same, and the lint finds what it finds when every read is whole.
 */
class TrackedSeedingTest {

    @TempDir
    Path dir;

    @Test
    void tablesAddedAndRenamedOnALargeSchemaAreSeededAsAWholeReadSeesThem() {
        String wide = IntStream.range(0, 260).mapToObj(i -> "CREATE TABLE t" + i + " (id bigint PRIMARY KEY, note text);")
                .collect(Collectors.joining("\n"));
        MigrationSet set = LintFixtures.folder(dir, wide,
                "CREATE TABLE fresh (id bigint PRIMARY KEY, total integer);",
                "ALTER TABLE fresh ALTER COLUMN total TYPE bigint;",
                "ALTER TABLE fresh RENAME TO renamed;\nCREATE TABLE other (id bigint PRIMARY KEY, total integer);",
                "ALTER TABLE other ALTER COLUMN total TYPE bigint;\nALTER TABLE renamed ALTER COLUMN total TYPE integer;");

        LintResult tracked = lint(Dialects.byId("postgres"), set);
        LintResult whole = lint(untracked(Dialects.byId("postgres")), set);

        assertThat(tracked.findings().stream().filter(f -> f.ruleId().equals(ChangeColumnType.RULE.id()))
                .flatMap(f -> f.evidence().stream()).filter(e -> e.startsWith("observed: rewrote")).toList())
                .anyMatch(e -> e.startsWith("observed: rewrote fresh — 20 rows"))
                .anyMatch(e -> e.startsWith("observed: rewrote other — 20 rows"))
                .anyMatch(e -> e.startsWith("observed: rewrote renamed — 20 rows"));
        assertThat(comparable(tracked)).isEqualTo(comparable(whole));
    }

    private static LintResult lint(Dialect dialect, MigrationSet set) {
        try (ScratchDatabase database = TestServer.shared().createDatabase()) {
            return new Linter(dialect, LintConfig.defaults()).lintObserved(set, database, 20);
        }
    }

    /** The dialect as it is, except that it tracks no changes, so every read is whole. */
    private static Dialect untracked(Dialect dialect) {
        return (Dialect) Proxy.newProxyInstance(Dialect.class.getClassLoader(), new Class<?>[] {Dialect.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("changeTracking")) {
                        return Optional.empty();
                    }
                    try {
                        return method.invoke(dialect, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Each finding as text, its timings left out: they differ from run to run. */
    private static List<String> comparable(LintResult result) {
        return result.findings().stream().map(Finding::toString).map(text -> text.replaceAll("\\d+ ms", "N ms")).toList();
    }
}
