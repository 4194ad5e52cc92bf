package dev.schemagate.lint;

import dev.schemagate.dialect.Dialects;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.migration.MigrationSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A rule's page in {@code docs/rules/}, whose Bad and Good SQL examples are the rule's fixtures,
 * read the same way by every dialect's rule-page test.
 *
 * @param rule  the rule
 * @param text  the page
 * @param given the SQL of an earlier migration, or empty
 * @param bad   the SQL that must fire the rule, or empty for a rule about files
 * @param good  the SQL that must not fire it, or empty
 */
public record RuleDocs(Rule rule, String text, String given, String bad, String good) {

    /** The {@code docs/rules} folder of the checkout the test runs in. */
    public static Path folder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs/rules"))) {
                return dir.resolve("docs/rules");
            }
        }
        throw new IllegalStateException("docs/rules not found");
    }

    /** The page of {@code rule}. */
    public static RuleDocs of(Rule rule) {
        try {
            String text = Files.readString(folder().resolve(rule.id() + ".md"));
            return new RuleDocs(rule, text, sql(text, "Given").orElse(""), sql(text, "Bad").orElse(""),
                    sql(text, "Good").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> sql(String text, String section) {
        Matcher m = Pattern.compile("## " + section + "[^\\n]*\\n\\n```sql\\n(.*?)```", Pattern.DOTALL).matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public boolean hasSqlExamples() {
        return !bad.isEmpty() && !good.isEmpty();
    }

    /**
     * The page's earlier migration ({@code SELECT 1} when it has none) and {@code example} after it,
     * written into {@code dir} (emptied first) and read as the migrations of {@code dialect}.
     */
    public MigrationSet folder(Path dir, String example, String dialect) throws IOException {
        try (Stream<Path> old = Files.list(dir)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        Files.writeString(dir.resolve("1_given.up.sql"), given.isEmpty() ? "SELECT 1;\n" : given);
        Files.writeString(dir.resolve("2_example.up.sql"), example);
        return MigrationDiscovery.discover(dir, Layout.AUTO, Dialects.names(Dialects.byId(dialect)));
    }
}
