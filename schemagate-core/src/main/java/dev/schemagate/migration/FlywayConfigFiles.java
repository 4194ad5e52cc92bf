package dev.schemagate.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gathers a project's Flyway settings as Flyway would see them: {@code flyway.conf} and
 * {@code flyway.toml} files in the migrations folder and the folders above it (up to the project
 * root, the folder holding {@code .git}; the nearest file wins), then the {@code flyway:} section
 * of {@code schemagate.yml}, then {@code -Dflyway.*} system properties. Relative
 * {@code filesystem:} locations are resolved against the folder of the file that names them, and
 * {@code classpath:} locations against {@code src/main/resources} there.
 */
public final class FlywayConfigFiles {

    private static final Pattern JDBC_DATABASE = Pattern.compile("jdbc:\\w+://[^/]*/([^?;]+).*");

    private FlywayConfigFiles() {
    }

    /** The settings for the migrations folder {@code directory}, with {@code fromYaml} taken from {@code schemagate.yml}. */
    public static FlywaySettings read(Path directory, Map<String, String> fromYaml, Path yamlFolder) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        List<Path> folders = new ArrayList<>();
        for (Path dir = directory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            folders.add(dir);
            if (Files.exists(dir.resolve(".git"))) {
                break;
            }
        }
        Collections.reverse(folders);
        for (Path dir : folders) {
            properties(dir.resolve("flyway.conf"), settings);
            toml(dir.resolve("flyway.toml"), settings);
        }
        fromYaml.forEach((key, value) -> settings.put(key, new Setting(value, yamlFolder)));
        System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith("flyway."))
                .forEach(key -> settings.put(key, new Setting(System.getProperty(key), Path.of("").toAbsolutePath())));
        Map<String, String> values = new LinkedHashMap<>();
        settings.forEach((key, setting) -> values.put(key, setting.value()));
        Setting locations = settings.get("flyway.locations");
        return settings(values, locations == null ? Path.of("") : locations.folder());
    }

    /** Settings from {@code flyway.*} keys, relative locations resolved against {@code base}. */
    static FlywaySettings settings(Map<String, String> values, Path base) {
        Map<String, String> placeholders = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith("flyway.placeholders.")) {
                placeholders.put(key.substring("flyway.placeholders.".length()), value);
            }
        });
        Map<String, String> builtIns = new LinkedHashMap<>();
        String schemas = values.getOrDefault("flyway.schemas", "");
        String defaultSchema = values.getOrDefault("flyway.defaultSchema", schemas.isBlank() ? "" : schemas.split(",")[0].strip());
        if (!defaultSchema.isBlank()) {
            builtIns.put("defaultSchema", defaultSchema);
        }
        if (values.containsKey("flyway.user")) {
            builtIns.put("user", values.get("flyway.user"));
        }
        Matcher url = JDBC_DATABASE.matcher(values.getOrDefault("flyway.url", ""));
        if (url.matches()) {
            builtIns.put("database", url.group(1));
        }
        builtIns.put("timestamp", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        builtIns.put("workingDirectory", Path.of("").toAbsolutePath().toString());
        builtIns.put("table", values.getOrDefault("flyway.table", "flyway_schema_history"));
        List<Path> locations = new ArrayList<>();
        for (String location : values.getOrDefault("flyway.locations", "").split(",")) {
            String trimmed = location.strip();
            if (trimmed.startsWith("classpath:")) {
                locations.add(base.resolve("src/main/resources").resolve(trimmed.substring("classpath:".length()).replaceFirst("^/", "")));
            } else if (!trimmed.isEmpty()) {
                locations.add(base.resolve(trimmed.replaceFirst("^filesystem:", "")));
            }
        }
        return new FlywaySettings(Boolean.parseBoolean(values.getOrDefault("flyway.mixed", "false")),
                !"false".equalsIgnoreCase(values.getOrDefault("flyway.placeholderReplacement", "true")),
                values.getOrDefault("flyway.placeholderPrefix", "${"), values.getOrDefault("flyway.placeholderSuffix", "}"),
                placeholders, builtIns, locations.stream().map(Path::normalize).toList());
    }

    private static void properties(Path file, Map<String, Setting> settings) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new InputException(file + ": cannot be read as Flyway properties (" + e.getMessage() + ")", e);
        }
        properties.stringPropertyNames().forEach(key -> settings.put(key, new Setting(properties.getProperty(key), file.getParent())));
    }

    /** A {@code flyway.toml}: the {@code [flyway]} table and its {@code placeholders}, arrays joined by commas. */
    private static void toml(Path file, Map<String, Setting> settings) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        JsonNode root;
        try {
            root = new TomlMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(file + ": is not valid TOML (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        flatten("flyway", root.path("flyway"), values);
        values.forEach((key, value) -> settings.put(key, new Setting(value, file.getParent())));
    }

    /** A tree of settings as flat keys: {@code {placeholders: {a: b}}} under {@code flyway} is {@code flyway.placeholders.a=b}; arrays join with commas. */
    static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(key, value, out);
            } else if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asText()));
                out.put(key, String.join(",", items));
            } else {
                out.put(key, value.asText());
            }
        }
    }

    /** A setting's value and the folder of the file that gave it. */
    private record Setting(String value, Path folder) {
    }
}
