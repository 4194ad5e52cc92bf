package dev.schemagate.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a project's config says about reading its migrations: the {@code layout:} of
 * {@code schemagate.yml} (a layout id, or a {@link CustomLayout}), its Flyway settings (see
 * {@link FlywayConfigFiles}) and its Liquibase changelog settings ({@code liquibase:} with
 * {@code contexts}, {@code labels} and {@code parameters}). The {@code schemagate.yml} is the
 * migrations folder's own, else the current folder's. Settings a build gives (a Spring Boot
 * project's {@code spring.flyway.*} and {@code spring.liquibase.*}, as flat {@code flyway.*} and
 * {@code liquibase.*} keys) take precedence over the file's.
 *
 * @param layout    the layout the config names, or {@link Layout#AUTO}
 * @param custom    the custom layout, when the config describes one
 * @param flyway    the Flyway settings
 * @param changelog the Liquibase changelog settings
 */
public record MigrationsConfig(Layout layout, Optional<CustomLayout> custom, FlywaySettings flyway, ChangelogSettings changelog) {

    /** The config of a run on the migrations folder {@code directory}. */
    public static MigrationsConfig forRun(Path directory) {
        return forRun(directory, Map.of());
    }

    /** The config of a run on {@code directory}, with {@code given} flat {@code flyway.*} and {@code liquibase.*} settings on top. */
    public static MigrationsConfig forRun(Path directory, Map<String, String> given) {
        Path file = MigrationDiscovery.configFile(directory);
        JsonNode root = null;
        if (Files.isRegularFile(file)) {
            try {
                root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            } catch (IOException e) {
                throw new InputException(file + ": is not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
            }
        }
        JsonNode layout = root == null ? null : root.get("layout");
        Map<String, String> flyway = new LinkedHashMap<>();
        Map<String, String> liquibase = new LinkedHashMap<>();
        if (root != null) {
            FlywayConfigFiles.flatten("flyway", root.path("flyway"), flyway);
            FlywayConfigFiles.flatten("liquibase", root.path("liquibase"), liquibase);
        }
        given.forEach((key, value) -> (key.startsWith("flyway.") ? flyway : liquibase).put(key, value));
        Path folder = file.toAbsolutePath().getParent();
        FlywaySettings settings = FlywayConfigFiles.read(directory, flyway, folder);
        ChangelogSettings changelog = ChangelogSettings.of(liquibase);
        if (layout == null || layout.isNull()) {
            return new MigrationsConfig(Layout.AUTO, Optional.empty(), settings, changelog);
        }
        if (layout.isTextual()) {
            try {
                return new MigrationsConfig(Layout.fromId(layout.asText()), Optional.empty(), settings, changelog);
            } catch (IllegalArgumentException e) {
                throw new InputException(file + ": layout '" + layout.asText() + "' is not a layout; see the README's layout table", e);
            }
        }
        return new MigrationsConfig(Layout.CUSTOM, Optional.of(custom(file, layout, directory)), settings, changelog);
    }

    private static CustomLayout custom(Path file, JsonNode layout, Path directory) {
        Pattern pattern = null;
        if (layout.hasNonNull("pattern")) {
            try {
                pattern = Pattern.compile(layout.get("pattern").asText());
            } catch (PatternSyntaxException e) {
                throw new InputException(file + ": layout.pattern is not a valid regex (" + e.getDescription() + ")", e);
            }
            if (!layout.get("pattern").asText().contains("(?<version>")) {
                throw new InputException(file + ": layout.pattern has no (?<version>…) group; name the part of the file"
                        + " name that holds the version");
            }
        }
        List<String> files = new ArrayList<>();
        layout.path("files").forEach(entry -> files.add(entry.asText()));
        if (layout.hasNonNull("manifest")) {
            Path manifest = directory.resolve(layout.get("manifest").asText());
            try {
                Files.readAllLines(manifest).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .forEach(files::add);
            } catch (IOException e) {
                throw new InputException(manifest + ": the manifest named by layout.manifest cannot be read (" + e.getMessage() + ")", e);
            }
        }
        if ((pattern == null) == files.isEmpty()) {
            throw new InputException(file + ": layout needs either a pattern or a list of files (files or manifest), not both");
        }
        String order = layout.path("order").asText("numeric").toLowerCase(Locale.ROOT);
        if (!order.equals("numeric") && !order.equals("text")) {
            throw new InputException(file + ": layout.order is '" + order + "'; use numeric or text");
        }
        String tool = layout.path("tool").asText("the project's runner");
        Transaction transaction = switch (layout.path("transaction").asText("wrapped").toLowerCase(Locale.ROOT)) {
            case "wrapped" -> Transaction.wrapped(tool, "");
            case "one-query" -> new Transaction(Transaction.Mode.ONE_QUERY, tool, "");
            case "none" -> Transaction.none(tool);
            default -> throw new InputException(file + ": layout.transaction is '" + layout.path("transaction").asText()
                    + "'; use wrapped, one-query or none");
        };
        return new CustomLayout(pattern, order.equals("text"), files, transaction);
    }
}
