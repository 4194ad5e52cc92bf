package dev.schemagate.mysql.plan;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a column's new MySQL type holds every value of its old one: a wider integer of the same
 * sign (or a signed one wider than an unsigned), a longer string, a larger text or blob, a decimal
 * with no fewer digits on either side of the point, {@code float} to {@code double}, an
 * {@code ENUM} or {@code SET} with values added at the end. Any other change of type may lose or
 * change values, so its {@code MODIFY} deletes data.
 */
final class TypeChange {

    private static final Pattern TYPE = Pattern.compile("(?s)^([a-z]+)\\s*(?:\\((.*)\\))?\\s*(unsigned)?.*$");
    private static final List<String> INTEGERS = List.of("tinyint", "smallint", "mediumint", "int", "bigint");
    private static final List<String> TEXTS = List.of("tinytext", "text", "mediumtext", "longtext");
    private static final List<String> BLOBS = List.of("tinyblob", "blob", "mediumblob", "longblob");
    private static final List<String> STRINGS = List.of("char", "varchar");
    private static final List<String> BYTES = List.of("binary", "varbinary");

    private TypeChange() {
    }

    static boolean keepsValues(String before, String after) {
        String from = before.toLowerCase(Locale.ROOT).strip();
        String to = after.toLowerCase(Locale.ROOT).strip();
        if (from.equals(to)) {
            return true;
        }
        Matcher a = TYPE.matcher(from);
        Matcher b = TYPE.matcher(to);
        if (!a.matches() || !b.matches()) {
            return false;
        }
        String oldName = a.group(1);
        String newName = b.group(1);
        if (INTEGERS.contains(oldName) && INTEGERS.contains(newName)) {
            int wider = INTEGERS.indexOf(newName) - INTEGERS.indexOf(oldName);
            boolean oldUnsigned = a.group(3) != null;
            boolean newUnsigned = b.group(3) != null;
            return oldUnsigned == newUnsigned ? wider >= 0 : oldUnsigned && wider > 0;
        }
        if (oldName.equals("float") && newName.equals("double")) {
            return true;
        }
        if (oldName.equals("decimal") && newName.equals("decimal")) {
            int[] p = digits(a.group(2));
            int[] q = digits(b.group(2));
            return q[1] >= p[1] && q[0] - q[1] >= p[0] - p[1];
        }
        if ((oldName.equals("enum") && newName.equals("enum")) || (oldName.equals("set") && newName.equals("set"))) {
            return b.group(2).startsWith(a.group(2) + ",");
        }
        if (family(oldName, newName, STRINGS) || family(oldName, newName, BYTES)) {
            return length(b.group(2)) >= length(a.group(2));
        }
        if (STRINGS.contains(oldName) && TEXTS.contains(newName) || BYTES.contains(oldName) && BLOBS.contains(newName)) {
            return true;
        }
        return family(oldName, newName, TEXTS) && TEXTS.indexOf(newName) >= TEXTS.indexOf(oldName)
                || family(oldName, newName, BLOBS) && BLOBS.indexOf(newName) >= BLOBS.indexOf(oldName);
    }

    /**
     * Values added at the end of an {@code ENUM} or {@code SET} that keeps its storage size, which
     * the server does by changing the table's definition only, without copying it.
     */
    static boolean appendsValues(String before, String after) {
        Matcher a = TYPE.matcher(before.toLowerCase(Locale.ROOT).strip());
        Matcher b = TYPE.matcher(after.toLowerCase(Locale.ROOT).strip());
        if (!a.matches() || !b.matches() || !a.group(1).equals(b.group(1)) || a.group(2) == null || b.group(2) == null
                || !(a.group(1).equals("enum") || a.group(1).equals("set")) || !b.group(2).startsWith(a.group(2) + ",")) {
            return false;
        }
        int oldCount = values(a.group(2));
        int newCount = values(b.group(2));
        return a.group(1).equals("enum") ? (oldCount < 256) == (newCount < 256) : (oldCount + 7) / 8 == (newCount + 7) / 8;
    }

    /** How many values an ENUM or SET lists: its quoted strings. */
    private static int values(String list) {
        return list.split("'(?:[^']|'')*'", -1).length - 1;
    }

    private static boolean family(String a, String b, List<String> members) {
        return members.contains(a) && members.contains(b);
    }

    private static int length(String text) {
        return text == null ? 1 : Integer.parseInt(text.strip());
    }

    /** Precision and scale of {@code decimal(10,2)}; MySQL's default is (10,0). */
    private static int[] digits(String text) {
        if (text == null) {
            return new int[] {10, 0};
        }
        String[] parts = text.split(",");
        return new int[] {Integer.parseInt(parts[0].strip()), parts.length > 1 ? Integer.parseInt(parts[1].strip()) : 0};
    }
}
