package dev.schemagate.model.dialect;

/**
 * A cast a user created ({@code CREATE CAST}): it decides how values of one type become another, in
 * expressions, assignments or silently, so a schema that lacks it reads and writes differently. Casts
 * an extension brings are the extension's.
 *
 * @param source   the type cast from, as the server writes it ({@code json}, {@code s.money})
 * @param target   the type cast to
 * @param function the function that converts, schema-qualified with its identity arguments
 *                 ({@code s.to_text(v s.money)}); null when the method is not {@link Method#FUNCTION}
 * @param method   how the value is converted
 * @param context  where the cast is applied without being asked for
 */
public record Cast(String source, String target, String function, Method method, Context context, String comment) {

    /** {@code WITH FUNCTION}, {@code WITHOUT FUNCTION} (binary-coercible) or {@code WITH INOUT}. */
    public enum Method { FUNCTION, BINARY, INOUT }

    /** Explicit only, also {@code AS ASSIGNMENT}, or {@code AS IMPLICIT}. */
    public enum Context { EXPLICIT, ASSIGNMENT, IMPLICIT }

    /** {@code (json AS text)}: how {@code CREATE CAST} and {@code DROP CAST} name it, and what tells two casts apart. */
    public String signature() {
        return "(" + source + " AS " + target + ")";
    }
}
