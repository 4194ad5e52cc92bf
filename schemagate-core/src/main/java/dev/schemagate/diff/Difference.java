package dev.schemagate.diff;

/**
 * One way two snapshots differ: an object only the expected side has, one only the actual side
 * has, or one field of an object both have that holds different values.
 *
 * @param kind     missing, unexpected or changed
 * @param path     the object, from the outside in: {@code table public.orders › column total}
 * @param field    for a changed field, its name ({@code defaultExpression}); else empty
 * @param expected the expected value, rendered for people; empty for unexpected objects
 * @param actual   the actual value, rendered for people; empty for missing objects
 */
public record Difference(Kind kind, String path, String field, String expected, String actual) {

    /** How an object differs. */
    public enum Kind { MISSING, UNEXPECTED, CHANGED }

    /** True when the two values differ only in whitespace outside literals (a function body re-indented). */
    public boolean whitespaceOnly() {
        return field.endsWith(Whitespace.ONLY);
    }

    /** One line for a report: {@code - table public.t}, {@code + column x}, {@code ~ … default: a → b}. */
    public String describe() {
        return switch (kind) {
            case MISSING -> "- " + path;
            case UNEXPECTED -> "+ " + path;
            case CHANGED -> "~ " + path + (path.isEmpty() ? "" : " › ") + field + ": " + expected + " → " + actual;
        };
    }
}
