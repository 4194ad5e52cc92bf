package dev.schemagate.diff;

/**
 * One way two snapshots differ: an object only the source (first) side has, one only the target
 * (second) side has, or one field of an object both have that holds different values.
 *
 * @param kind   missing (only in the source), unexpected (only in the target) or changed
 * @param path   the object, from the outside in: {@code table public.orders › column total}
 * @param field  for a changed field, its name ({@code defaultExpression}); else empty
 * @param source the source's value as the model holds it (a string, number, boolean, list or record);
 *               the missing object itself for a missing one; null for an unexpected one
 * @param target the target's value likewise; the object itself for an unexpected one
 */
public record Difference(Kind kind, String path, String field, Object source, Object target) {

    /** How an object differs. */
    public enum Kind { MISSING, UNEXPECTED, CHANGED }

    /** The source's value for people: {@code 'pending'}, {@code [a, b]}, {@code SELECT to app}. */
    public String sourceText() {
        return DiffValues.text(source);
    }

    /** The target's value for people. */
    public String targetText() {
        return DiffValues.text(target);
    }

    /** True when the two values differ only in whitespace outside literals (a function body re-indented). */
    public boolean whitespaceOnly() {
        return field.endsWith(Whitespace.ONLY);
    }

    /** One line for a report: {@code - table public.t}, {@code + column x}, {@code ~ … default: a → b}. */
    public String describe() {
        return switch (kind) {
            case MISSING -> "- " + path;
            case UNEXPECTED -> "+ " + path;
            case CHANGED -> "~ " + path + (path.isEmpty() ? "" : " › ") + field + ": " + sourceText() + " → " + targetText();
        };
    }
}
