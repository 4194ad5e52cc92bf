package dev.schemagate.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code -- schemagate:<name> <argument>} comment in a script, by which a team tells a check
 * what it meant: {@code irreversible} (no down script on purpose), {@code destructive} (this
 * migration deletes data on purpose), {@code ignore <rule-id>}. The text after the name is the
 * reason, which reports show.
 *
 * @param name     the annotation's name, such as {@code irreversible}
 * @param argument the rest of the line, trimmed
 * @param location where the annotation stands
 */
public record Annotation(String name, String argument, Location location) {

    private static final Pattern FORM = Pattern.compile("--\\s*schemagate:([a-z-]+)\\b[ \\t]*([^\\r\\n]*)");

    /** The annotations of a script, in file order. */
    public static List<Annotation> of(Script script) {
        List<Annotation> found = new ArrayList<>();
        for (ScriptPart part : script.parts()) {
            Matcher matcher = FORM.matcher(part.sql());
            while (matcher.find()) {
                int line = part.line() + (int) part.sql().substring(0, matcher.start()).chars().filter(c -> c == '\n').count();
                found.add(new Annotation(matcher.group(1), matcher.group(2).trim(), new Location(script.file(), line, 0)));
            }
        }
        return found;
    }

    /** The first annotation with that name in either script, if any. */
    public static java.util.Optional<Annotation> find(String name, Script... scripts) {
        for (Script script : scripts) {
            if (script == null) {
                continue;
            }
            for (Annotation annotation : of(script)) {
                if (annotation.name().equals(name)) {
                    return java.util.Optional.of(annotation);
                }
            }
        }
        return java.util.Optional.empty();
    }
}
