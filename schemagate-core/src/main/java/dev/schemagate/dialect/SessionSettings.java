package dev.schemagate.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.schemagate.migration.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The session settings the project's own migration runner makes on its connection before it runs
 * migrations (vaultwarden turns {@code foreign_key_checks} off, for one), made on every connection
 * to a scratch database so that the history runs as it does in production. Read from the
 * {@code session} section of {@code schemagate.yml} and from {@code --session NAME=VALUE}; the
 * command line's win. Only names and values are taken, never statements: a setting cannot reach
 * past the session.
 * <pre>
 * session:
 *   foreign_key_checks: 0
 *   time_zone: "+00:00"
 * </pre>
 *
 * @param values the settings by name, in the order given
 */
public record SessionSettings(Map<String, String> values) {

    public static final SessionSettings NONE = new SessionSettings(Map.of());

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public SessionSettings {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** These settings, with those of {@code base} they do not name before them. */
    public SessionSettings over(SessionSettings base) {
        Map<String, String> merged = new LinkedHashMap<>(base.values());
        merged.putAll(values);
        return new SessionSettings(merged);
    }

    /** Settings given as {@code NAME=VALUE} each, by the option {@code option}. */
    public static SessionSettings parse(String option, List<String> pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : pairs == null ? List.<String>of() : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new InputException(option + " '" + pair + "' is not NAME=VALUE: write " + option + " foreign_key_checks=0");
            }
            values.put(name(option + " " + pair, pair.substring(0, eq).strip()), pair.substring(eq + 1).strip());
        }
        return new SessionSettings(values);
    }

    /** The {@code session} section of {@code file}, or none when the file or the section is absent. */
    public static SessionSettings load(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return NONE;
        }
        JsonNode session;
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            session = root == null ? null : root.get("session");
        } catch (IOException e) {
            throw new InputException(file + ": is not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        if (session == null || session.isNull()) {
            return NONE;
        }
        if (!session.isObject()) {
            throw new InputException(file + ": session is not a map of settings; write session: then foreign_key_checks: 0 below it");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = session.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String where = file + ": session." + entry.getKey();
            if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
                throw new InputException(where + " is not a single value; write a number or a string such as \"+00:00\"");
            }
            values.put(name(where, entry.getKey()), entry.getValue().asText());
        }
        return new SessionSettings(values);
    }

    private static String name(String where, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new InputException(where + ": '" + name + "' is not the name of a session setting (letters, digits and _)");
        }
        return name;
    }
}
