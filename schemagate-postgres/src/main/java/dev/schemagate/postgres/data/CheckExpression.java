package dev.schemagate.postgres.data;

/**
 * The boolean expression of a CHECK constraint, out of its definition as {@code pg_get_constraintdef}
 * gives it ({@code CHECK ((price > 0)) NOT VALID}): what is inside the parentheses after CHECK.
 */
final class CheckExpression {

    private CheckExpression() {
    }

    /** The expression, or null when the definition is not a CHECK. */
    static String of(String definition) {
        if (!definition.startsWith("CHECK (")) {
            return null;
        }
        int depth = 0;
        boolean quoted = false;
        boolean identifier = false;
        for (int i = "CHECK ".length(); i < definition.length(); i++) {
            char c = definition.charAt(i);
            if (c == '\'' && !identifier) {
                quoted = !quoted;
            } else if (c == '"' && !quoted) {
                identifier = !identifier;
            } else if (!quoted && !identifier && c == '(') {
                depth++;
            } else if (!quoted && !identifier && c == ')' && --depth == 0) {
                return definition.substring("CHECK (".length(), i);
            }
        }
        return null;
    }
}
