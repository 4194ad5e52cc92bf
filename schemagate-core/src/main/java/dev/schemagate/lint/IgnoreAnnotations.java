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
 * The annotations of one file that silence rules, ours and those other linters' users already wrote:
 * <ul>
 *   <li>{@code -- schemagate:ignore <rule-id> <reason>}: in the comment block directly above a
 *       statement (or on its first line) it silences that rule for the statement; at the top of the
 *       file, separated from the first statement by a blank line, for the file. Several rule ids may
 *       be given, separated by commas; without a reason it is not applied.</li>
 *   <li>squawk's {@code -- squawk-ignore <rule>[, <rule>]} above a statement and
 *       {@code -- squawk-ignore-file [<rule>…]} anywhere (no rule: every rule), its rule names mapped
 *       to ours by {@link SquawkRules}.</li>
 *   <li>{@code -- safety-assured:start} … {@code -- safety-assured:end} (diesel-guard, and the SQL
 *       form of strong_migrations' {@code safety_assured}): every rule is silenced for the statements
 *       that start between them; a start without an end runs to the end of the file.</li>
 * </ul>
 */
final class IgnoreAnnotations {

    private static final Pattern ANNOTATION = Pattern.compile("--\\s*schemagate:ignore\\s+([\\w.,-]+)(?:\\s+(\\S.*))?");
    private static final Pattern SQUAWK = Pattern.compile("--\\s*squawk-ignore(-file)?(?![\\w-])\\s*([\\w\\s,-]*)");
    private static final Pattern ASSURED = Pattern.compile("--\\s*safety-assured:(start|end)\\b");
    private static final String EVERY_RULE = "*";

    /**
     * One annotation: the rule ids it names ({@code *} for every rule), its line, its reason (empty
     * when missing), and whether it covers the whole file.
     */
    record Annotation(List<String> ruleIds, int line, String reason, boolean wholeFile) {

        boolean names(String ruleId) {
            return ruleIds.contains(ruleId) || ruleIds.contains(EVERY_RULE);
        }
    }

    /** Lines from {@code first} to {@code last} where every rule is silenced. */
    private record Block(int first, int last) {
    }

    private final List<String> lines;
    private final List<Annotation> annotations = new ArrayList<>();
    private final List<Block> assured = new ArrayList<>();
    private final int headerEnd;

    private IgnoreAnnotations(List<String> lines) {
        this.lines = lines;
        int firstCode = lines.size() + 1;
        int blockStart = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.contains("--")) { // every annotation is a comment, and most lines hold none
                Matcher ours = ANNOTATION.matcher(line);
                Matcher squawk = SQUAWK.matcher(line);
                Matcher block = ASSURED.matcher(line);
                if (ours.find()) {
                    annotations.add(new Annotation(List.of(ours.group(1).split(",")), i + 1,
                            ours.group(2) == null ? "" : ours.group(2).strip(), false));
                } else if (squawk.find()) {
                    annotations.add(squawk(squawk, i + 1));
                } else if (block.find()) {
                    if (block.group(1).equals("start") && blockStart == 0) {
                        blockStart = i + 1;
                    } else if (block.group(1).equals("end") && blockStart > 0) {
                        assured.add(new Block(blockStart, i + 1));
                        blockStart = 0;
                    }
                }
            }
            if (firstCode > lines.size() && !line.isEmpty() && !line.startsWith("--")) {
                firstCode = i + 1;
            }
        }
        if (blockStart > 0) {
            assured.add(new Block(blockStart, lines.size()));
        }
        int blockAbove = firstCode;
        while (blockAbove > 1 && lines.get(blockAbove - 2).strip().startsWith("--")) {
            blockAbove--;
        }
        headerEnd = blockAbove;
    }

    private static Annotation squawk(Matcher squawk, int line) {
        boolean wholeFile = squawk.group(1) != null;
        List<String> names = List.of(squawk.group(2).strip().split("[\\s,]+"));
        List<String> ours = new ArrayList<>();
        names.stream().filter(name -> !name.isEmpty()).forEach(name -> ours.addAll(SquawkRules.ours(name)));
        boolean all = wholeFile && names.stream().allMatch(String::isEmpty);
        return new Annotation(all ? List.of(EVERY_RULE) : ours, line, "squawk-ignore", wholeFile);
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
        if (assured.stream().anyMatch(b -> line >= b.first() && line <= b.last())) {
            return true;
        }
        int blockStart = line;
        while (blockStart > 1 && lines.get(blockStart - 2).strip().startsWith("--")) {
            blockStart--;
        }
        for (Annotation a : annotations) {
            if (!a.names(ruleId) || a.reason().isEmpty()) {
                continue;
            }
            if (a.wholeFile() || a.line() < headerEnd || (a.line() >= blockStart && a.line() <= line)) {
                return true;
            }
        }
        return false;
    }
}
