package dev.schemagate.lint;

import dev.schemagate.check.Finding;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.migration.DialectNames;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.postgres.TestServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes small migration folders and lints them, statically or on the shared test server. */
final class LintFixtures {

    private LintFixtures() {
    }

    /** A plain-layout folder with one migration per SQL text, numbered from 0001. */
    static MigrationSet folder(Path dir, String... migrations) {
        try {
            for (int i = 0; i < migrations.length; i++) {
                Files.writeString(dir.resolve(String.format("%04d_step.sql", i + 1)), migrations[i]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return MigrationDiscovery.discover(dir, Layout.AUTO, DialectNames.of(List.of("postgres")));
    }

    static LintResult lintStatic(MigrationSet set, LintConfig config) {
        return new Linter(Dialects.byId("postgres"), config).lint(set);
    }

    static LintResult lintObserved(MigrationSet set, LintConfig config, int rows) {
        try (ScratchDatabase database = TestServer.shared().createDatabase()) {
            return new Linter(Dialects.byId("postgres"), config).lintObserved(set, database, rows);
        }
    }

    /** The findings of a rule in the file of the last migration. */
    static List<Finding> inLast(LintResult result, MigrationSet set, Rule rule) {
        Path last = set.migrations().get(set.migrations().size() - 1).up().file();
        return result.findings().stream()
                .filter(f -> f.ruleId().equals(rule.id()) && last.equals(f.location().file())).toList();
    }
}
