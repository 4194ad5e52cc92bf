package dev.schemagate.lint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code -- schemagate:ignore <rule-id> <reason>} annotations of one file. An annotation in
 * the comment block directly above a statement (or on its first line) silences that rule for the
 * statement; one at the top of the file, separated from the first statement by a blank line,
 * silences it for the file.
 * Several rule ids may be given, separated by commas.
 */
final class IgnoreAnnotations {

    private static final Pattern ANNOTATION = Pattern.compile("--\\s*schemagate:ignore\\s+([\\w.,-]+)(?:\\s+(\\S.*))?");

    /** One annotation: the rule ids it names, its line, its reason (empty when missing). */
    record Annotation(List<String> ruleIds, int line, String reason) {
    }

    private final List<String> lines;
    private final List<Annotation> annotations = new ArrayList<>();
    private final int headerEnd;

    private IgnoreAnnotations(List<String> lines) {
        this.lines = lines;
        int firstCode = lines.size() + 1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            Matcher m = ANNOTATION.matcher(line);
            if (m.find()) {
                annotations.add(new Annotation(List.of(m.group(1).split(",")), i + 1, m.group(2) == null ? "" : m.group(2).strip()));
            }
            if (firstCode > lines.size() && !line.isEmpty() && !line.startsWith("--")) {
                firstCode = i + 1;
            }
        }
        int blockAbove = firstCode;
        while (blockAbove > 1 && lines.get(blockAbove - 2).strip().startsWith("--")) {
            blockAbove--;
        }
        headerEnd = blockAbove;
    }

    static IgnoreAnnotations read(Path file) {
        try {
            return new IgnoreAnnotations(file == null ? List.of() : Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return new IgnoreAnnotations(List.of());
        }
    }

    List<Annotation> all() {
        return List.copyOf(annotations);
    }

    /** True when the rule is silenced for the whole file or for the statement starting at {@code line}. */
    boolean ignores(String ruleId, int line) {
        int blockStart = line;
        while (blockStart > 1 && lines.get(blockStart - 2).strip().startsWith("--")) {
            blockStart--;
        }
        for (Annotation a : annotations) {
            if (!a.ruleIds().contains(ruleId) || a.reason().isEmpty()) {
                continue;
            }
            if (a.line() < headerEnd || (a.line() >= blockStart && a.line() <= line)) {
                return true;
            }
        }
        return false;
    }
}
