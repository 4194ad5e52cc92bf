package dev.schemagate.mutation;

/**
 * One statement of a script rewritten: its new text, or null when the statement goes away with its
 * delimiter.
 *
 * @param statement   the index of the statement in its script, as the splitter gives them
 * @param replacement the statement's new text (without delimiter), or null to remove it
 */
public record Edit(int statement, String replacement) {

    public static Edit remove(int statement) {
        return new Edit(statement, null);
    }

    public boolean removes() {
        return replacement == null;
    }
}
