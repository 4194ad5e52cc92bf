package dev.schemagate.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.schemagate.migration.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Functions the project's own migration runner defines on its connections, which its scripts may
 * call (Authelia defines {@code BIN2B64} and {@code B642BIN} on its SQLite connections): declared in
 * the {@code functions} section of {@code schemagate.yml}, each as one of a few known {@link Kind kinds},
 * and defined on every connection to a scratch database, for dialects that
 * {@linkplain Dialect#definesRunnerFunctions() can}, so that such a script runs as it does under the
 * runner. Only known kinds are taken, never code.
 * <pre>
 * functions:
 *   BIN2B64: base64
 *   B642BIN: unbase64
 * </pre>
 *
 * @param byName each function's kind, by the name scripts call it by, in the order given
 */
public record RunnerFunctions(Map<String, Kind> byName) {

    public static final RunnerFunctions NONE = new RunnerFunctions(Map.of());

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** What a declared function does with its one argument; NULL gives NULL. */
    public enum Kind {
        /** The argument's bytes (a blob's, or a text's in UTF-8) as standard base64 text. */
        BASE64,
        /** Standard base64 text decoded to a blob; an empty text gives NULL. */
        UNBASE64,
        /** The argument's bytes as upper-case hexadecimal text. */
        HEX,
        /** Hexadecimal text decoded to a blob. */
        UNHEX;

        static String names() {
            return Arrays.stream(values()).map(kind -> kind.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        }
    }

    public RunnerFunctions {
        byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    /** The {@code functions} section of {@code file}, or none when the file or the section is absent. */
    public static RunnerFunctions load(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return NONE;
        }
        JsonNode section;
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            section = root == null ? null : root.get("functions");
        } catch (IOException e) {
            throw new InputException(file + ": is not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        if (section == null || section.isNull()) {
            return NONE;
        }
        if (!section.isObject()) {
            throw new InputException(file + ": functions is not a map of names to kinds; write functions: then"
                    + " BIN2B64: base64 below it");
        }
        Map<String, Kind> byName = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String where = file + ": functions." + entry.getKey();
            if (!NAME.matcher(entry.getKey()).matches()) {
                throw new InputException(where + ": '" + entry.getKey() + "' is not a function name (letters, digits and _)");
            }
            byName.put(entry.getKey(), kind(where, entry.getValue()));
        }
        return new RunnerFunctions(byName);
    }

    private static Kind kind(String where, JsonNode value) {
        String text = value.isTextual() ? value.asText().strip().toUpperCase(Locale.ROOT) : "";
        try {
            return Kind.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new InputException(where + " is " + (value.isValueNode() ? "'" + value.asText() + "'" : "not a single value")
                    + ", which is not a kind of function Schemagate knows; write one of " + Kind.names());
        }
    }
}
