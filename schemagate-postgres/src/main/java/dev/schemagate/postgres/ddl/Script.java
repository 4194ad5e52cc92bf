package dev.schemagate.postgres.ddl;

import java.util.ArrayList;
import java.util.List;

/** The schema file being written: statements, in sections with a heading each. */
final class Script {

    private final StringBuilder text = new StringBuilder();
    private final List<String> statements = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();
    private String pendingSection;
    private String currentSection;

    /** Starts a section; its heading is written only if a statement follows. */
    void section(String title) {
        pendingSection = title;
        currentSection = title;
    }

    void add(String statement) {
        if (pendingSection != null) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append("-- ").append(pendingSection).append("\n\n");
            pendingSection = null;
        }
        text.append(statement.stripTrailing()).append(";\n");
        statements.add(statement.stripTrailing());
        sections.add(currentSection);
    }

    /** The statements added so far in ({@code inSections}) or outside ({@code !inSections}) the sections named. */
    List<String> statements(java.util.Set<String> titles, boolean inSections) {
        List<String> selected = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            if (titles.contains(sections.get(i)) == inSections) {
                selected.add(statements.get(i));
            }
        }
        return selected;
    }

    /** The statements added so far, without section headings or semicolons. */
    List<String> statements() {
        return List.copyOf(statements);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
