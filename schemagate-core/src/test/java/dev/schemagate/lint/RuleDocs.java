package dev.schemagate.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's page in {@code docs/rules/}, whose Bad and Good SQL examples are the rule's fixtures.
 *
 * @param rule  the rule
 * @param text  the page
 * @param given the SQL of an earlier migration, or empty
 * @param bad   the SQL that must fire the rule, or empty for a rule about files
 * @param good  the SQL that must not fire it, or empty
 */
record RuleDocs(Rule rule, String text, String given, String bad, String good) {

    static Path folder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs/rules"))) {
                return dir.resolve("docs/rules");
            }
        }
        throw new IllegalStateException("docs/rules not found");
    }

    static RuleDocs of(Rule rule) {
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

    boolean hasSqlExamples() {
        return !bad.isEmpty() && !good.isEmpty();
    }
}
