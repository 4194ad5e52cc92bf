package dev.schemagate.mutation;

import java.util.List;

/** A unified diff of one file before and after a mutant, with up to two lines of context. */
public final class UnifiedDiff {

    private static final int CONTEXT = 2;

    private UnifiedDiff() {
    }

    public static String of(String name, String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        int from = Math.max(0, prefix - CONTEXT);
        int toA = Math.min(a.size(), a.size() - suffix + CONTEXT);
        int toB = Math.min(b.size(), b.size() - suffix + CONTEXT);
        StringBuilder diff = new StringBuilder();
        diff.append("--- a/").append(name).append('\n').append("+++ b/").append(name).append('\n');
        diff.append("@@ -").append(from + 1).append(',').append(toA - from).append(" +").append(from + 1).append(',').append(toB - from)
                .append(" @@\n");
        for (int i = from; i < prefix; i++) {
            diff.append(' ').append(a.get(i)).append('\n');
        }
        for (int i = prefix; i < a.size() - suffix; i++) {
            diff.append('-').append(a.get(i)).append('\n');
        }
        for (int i = prefix; i < b.size() - suffix; i++) {
            diff.append('+').append(b.get(i)).append('\n');
        }
        for (int i = a.size() - suffix; i < toA; i++) {
            diff.append(' ').append(a.get(i)).append('\n');
        }
        return diff.toString();
    }
}
