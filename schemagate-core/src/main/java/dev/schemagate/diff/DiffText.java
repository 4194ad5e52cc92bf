package dev.schemagate.diff;

import java.util.List;

/**
 * Renders a {@link SchemaDiff} for people, one block per object as a code review shows a file:
 * {@code -} for what only the first side has, {@code +} for what only the second has, {@code ~}
 * for a changed object followed by its changed fields.
 */
public final class DiffText {

    private DiffText() {
    }

    /**
     * The diff as text.
     *
     * @param first  what to call the first side in headings ({@code source}, {@code expected})
     * @param second what to call the second side ({@code target}, {@code staging})
     */
    public static String render(SchemaDiff diff, String first, String second) {
        if (diff.isEmpty()) {
            return "No differences between " + first + " and " + second + ".\n";
        }
        return lines(diff, first, second) + '\n' + diff.summary(first, second) + '\n';
    }

    /** One block per object, without a summary line. */
    public static String lines(SchemaDiff diff, String first, String second) {
        StringBuilder out = new StringBuilder();
        for (ObjectChange object : diff.objects()) {
            switch (object.kind()) {
                case MISSING -> out.append("- ").append(object.object()).append("   (only in ").append(first).append(")\n");
                case UNEXPECTED -> out.append("+ ").append(object.object()).append("   (only in ").append(second).append(")\n");
                case CHANGED -> {
                    out.append("~ ").append(object.object()).append('\n');
                    changes(object.changes(), out);
                }
            }
        }
        return out.toString();
    }

    private static void changes(List<Difference> changes, StringBuilder out) {
        for (Difference change : changes) {
            String where = change.path().isEmpty() ? "" : change.path();
            switch (change.kind()) {
                case MISSING -> out.append("    - ").append(where).append('\n');
                case UNEXPECTED -> out.append("    + ").append(where).append('\n');
                case CHANGED -> out.append("    ~ ").append(where).append(where.isEmpty() ? "" : " › ")
                        .append(change.field()).append(": ").append(change.sourceText()).append(" → ")
                        .append(change.targetText()).append('\n');
            }
        }
    }
}
