package dev.schemagate.report;

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

    /** {@code apply.statement-failed} → {@code Apply: statement failed}. */
    public static String title(String ruleId) {
        String check = CheckOutcome.checkOf(ruleId);
        String rest = ruleId.length() > check.length() ? ruleId.substring(check.length() + 1) : "";
        String name = check.substring(0, 1).toUpperCase(Locale.ROOT) + check.substring(1);
        return rest.isEmpty() ? name : name + ": " + rest.replace('-', ' ').replace('.', ' ');
    }
}
