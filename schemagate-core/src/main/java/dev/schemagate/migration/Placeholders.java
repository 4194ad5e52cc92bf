package dev.schemagate.migration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces Flyway placeholders in a script as Flyway does before running it: every
 * {@code ${name}} with its configured value and every {@code ${flyway:name}} with Flyway's own,
 * comments included; whatever still looks like a placeholder afterwards has no value, and Flyway
 * stops there ("No value provided for placeholder expressions"), so it is an input error here.
 */
final class Placeholders {

    /** The prefix of Flyway's own placeholders, whose values come from its settings, not from {@code placeholders}. */
    private static final String BUILT_IN = "flyway:";

    private Placeholders() {
    }

    static String replace(SourceFile file, FlywaySettings settings) {
        String text = file.text();
        if (!settings.placeholderReplacement()) {
            return text;
        }
        Map<String, String> values = new LinkedHashMap<>(settings.placeholders());
        settings.builtIns().forEach((name, value) -> values.put("flyway:" + name, value));
        values.put("flyway:filename", file.name());
        String prefix = settings.placeholderPrefix();
        String suffix = settings.placeholderSuffix();
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace(prefix + value.getKey() + suffix, value.getValue() == null ? "" : value.getValue());
        }
        Matcher left = Pattern.compile(Pattern.quote(prefix) + "(.+?)" + Pattern.quote(suffix)).matcher(text);
        if (left.find()) {
            String name = left.group(1);
            String where = file.path() + ":" + line(text, left.start()) + ": placeholder " + left.group() + " has no value";
            if (name.startsWith(BUILT_IN)) {
                String setting = name.substring(BUILT_IN.length());
                throw new InputException(where + " here (the database does not say it); set flyway." + setting
                        + " in flyway.conf or under flyway: in schemagate.yml (" + setting + ": …)");
            }
            throw new InputException(where + ", and Flyway stops there; give it one (flyway.placeholders." + name
                    + " in flyway.conf, placeholders." + name + " under flyway: in schemagate.yml, or -Dflyway.placeholders."
                    + name + "=…), or turn replacement off with flyway.placeholderReplacement=false");
        }
        return text;
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
