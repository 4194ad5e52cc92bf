package dev.schemagate.postgres.ddl;

import dev.schemagate.model.ObjectRef;
import dev.schemagate.model.Snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The schema file being written: statements, in sections with a heading each, each statement with
 * the object or part it creates, so they can be put in dependency order once all are written.
 */
final class Script {

    /** One statement, the section it was written in and what it creates (null: nothing a dependency names). */
    private record Line(String statement, String section, ObjectRef part) {
    }

    private final List<Line> lines = new ArrayList<>();
    private String currentSection;

    /** Starts a section; its heading is written only if a statement follows. */
    void section(String title) {
        currentSection = title;
    }

    void add(String statement) {
        add(statement, null);
    }

    /** Adds a statement that creates or sets {@code part}, an object or a part of one as a dependency names it. */
    void add(String statement, ObjectRef part) {
        lines.add(new Line(statement.stripTrailing(), currentSection, part));
    }

    /** How many statements have been added. */
    int size() {
        return lines.size();
    }

    /**
     * Puts the statements added from {@code start} on in the order the dependencies {@code snapshot} records
     * need (a statement moved up is written under its own section's heading).
     */
    void order(int start, Snapshot snapshot) {
        CreateGraph<Line> graph = new CreateGraph<>(snapshot);
        List<Line> tail = lines.subList(start, lines.size());
        tail.forEach(line -> graph.created(line.part(), line));
        List<Line> ordered = graph.ordered();
        tail.clear();
        lines.addAll(ordered);
    }

    /** The statements added so far in ({@code inSections}) or outside ({@code !inSections}) the sections named. */
    List<Created> created(Set<String> titles, boolean inSections) {
        return lines.stream().filter(line -> line.section() != null && titles.contains(line.section()) == inSections
                        || line.section() == null && !inSections)
                .map(line -> new Created(line.part(), line.statement())).toList();
    }

    /** The statements added so far, each with what it creates. */
    List<Created> created() {
        return lines.stream().map(line -> new Created(line.part(), line.statement())).toList();
    }

    /** The statements added so far, without section headings or semicolons. */
    List<String> statements() {
        return lines.stream().map(Line::statement).toList();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        String section = null;
        for (Line line : lines) {
            if (line.section() != null && !line.section().equals(section)) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append("-- ").append(line.section()).append("\n\n");
            }
            section = line.section();
            text.append(line.statement()).append(";\n");
        }
        return text.toString();
    }
}
