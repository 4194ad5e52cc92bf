package dev.schemagate.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where each rule is documented ({@code docs/rules/<rule-id>.md}) and a short title made from its
 * id, so that reports can link any rule, including rules added by later checks, without a table.
 */
public final class RuleDocs {

    /** The published {@code docs/rules/} folder of the project. */
    public static final String BASE = "https://github.com/schemagate/schemagate/blob/main/docs/rules/";

    private RuleDocs() {
    }

    public static String uri(String ruleId) {
        return BASE + ruleId + ".md";
    }

    /**
     * What the rule checks, in a few sentences: the first paragraph of its page that is not a
     * heading or its severity line, or the title when the build holds no page for it.
     */
    public static String description(String ruleId) {
        try (InputStream in = RuleDocs.class.getResourceAsStream("/dev/schemagate/rules/" + ruleId + ".md")) {
            if (in == null) {
                return title(ruleId) + ".";
            }
            String page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(page.split("\\R\\s*\\R")).map(String::strip)
                    .filter(p -> !p.isEmpty() && !p.startsWith("#") && !p.startsWith("Severity:") && !p.startsWith("**Check:**")
                            && !p.startsWith("```"))
                    .findFirst().map(p -> p.replaceAll("\\s*\\R\\s*", " ")).orElse(title(ruleId) + ".");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code apply.statement-failed} → {@code ApplyStatementFailed}: a name for tools that want one without dots. */
    public static String name(String ruleId) {
        StringBuilder name = new StringBuilder();
        for (String word : ruleId.split("[.-]")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return name.toString();
    }

    /** {@code apply.statement-failed} → {@code Apply: statement failed}. */
    public static String title(String ruleId) {
        String check = CheckOutcome.checkOf(ruleId);
        String rest = ruleId.length() > check.length() ? ruleId.substring(check.length() + 1) : "";
        String name = check.substring(0, 1).toUpperCase(Locale.ROOT) + check.substring(1);
        return rest.isEmpty() ? name : name + ": " + rest.replace('-', ' ').replace('.', ' ');
    }
}
