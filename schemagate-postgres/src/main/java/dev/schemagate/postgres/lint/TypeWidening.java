package dev.schemagate.postgres.lint;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's rules for a column type change that keeps every value: a longer or unlimited length
 * for character types ({@code char(n)} to {@code varchar(n)} drops only padding), a numeric with at
 * least as many digits on both sides of the point, a wider integer or float. Names alone decide
 * nothing: {@code varchar(10)} is narrower than {@code varchar(20)}, and {@code numeric(12,2)} wider
 * than {@code numeric(10,2)}. Public because a schema diff's plan weighs its type changes by the same rules.
 */
public final class TypeWidening {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern MODIFIED = Pattern.compile("^([a-z ]+?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?$");
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("character varying", "varchar"), Map.entry("character", "char"), Map.entry("bpchar", "char"),
            Map.entry("decimal", "numeric"), Map.entry("int", "integer"), Map.entry("int4", "integer"),
            Map.entry("int2", "smallint"), Map.entry("int8", "bigint"), Map.entry("float4", "real"),
            Map.entry("float8", "double precision"), Map.entry("float", "double precision"));
    /** Integer types from narrow to wide, with the decimal digits each needs. */
    private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");
    private static final int[] INTEGER_DIGITS = {5, 10, 19};

    private TypeWidening() {
    }

    /** A type as its base name and modifiers (-1 when absent): {@code varchar(20)} is (varchar, 20, -1). */
    private record Type(String base, int length, int scale) {

        static Type parse(String text) {
            Matcher m = MODIFIED.matcher(SPACES.matcher(text.strip().toLowerCase(Locale.ROOT)).replaceAll(" "));
            if (!m.matches()) {
                return null;
            }
            String base = ALIASES.getOrDefault(m.group(1).strip(), m.group(1).strip());
            if (base.equals("char") && m.group(2) == null) {
                return new Type(base, 1, -1);
            }
            return new Type(base, m.group(2) == null ? -1 : Integer.parseInt(m.group(2)),
                    m.group(3) == null ? (base.equals("numeric") && m.group(2) != null ? 0 : -1) : Integer.parseInt(m.group(3)));
        }

        boolean character() {
            return base.equals("varchar") || base.equals("char") || base.equals("text");
        }
    }

    /** True when both types are known and every value of {@code oldType} is kept by {@code newType}. */
    public static boolean widens(String oldType, String newType) {
        if (oldType == null || newType == null) {
            return false;
        }
        Type before = Type.parse(oldType);
        Type after = Type.parse(newType);
        if (before == null || after == null) {
            return false;
        }
        if (before.equals(after)) {
            return true;
        }
        if (before.character() && after.character()) {
            return after.base().equals("text") || after.length() < 0
                    || before.length() >= 0 && !before.base().equals("text") && after.length() >= before.length();
        }
        if (before.base().equals("numeric") && after.base().equals("numeric")) {
            return after.length() < 0 || before.length() >= 0
                    && after.scale() >= before.scale() && after.length() - after.scale() >= before.length() - before.scale();
        }
        int from = INTEGERS.indexOf(before.base());
        if (from >= 0) {
            int to = INTEGERS.indexOf(after.base());
            if (to >= from) {
                return true;
            }
            return after.base().equals("numeric")
                    && (after.length() < 0 || after.length() - after.scale() >= INTEGER_DIGITS[from]);
        }
        return before.base().equals("real") && after.base().equals("double precision");
    }
}
