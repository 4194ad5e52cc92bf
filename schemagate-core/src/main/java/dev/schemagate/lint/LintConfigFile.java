package dev.schemagate.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.schemagate.check.Severity;
import dev.schemagate.migration.ConfigKeys;
import dev.schemagate.migration.InputException;
import dev.schemagate.migration.MigrationDiscovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the {@code lint} settings of a {@code schemagate.yml}:
 * <pre>
 * lint:
 *   failOn: warning
 *   rules:
 *     lint.drop-column: warning      # a severity: error, warning or info
 *     lint.truncate: off             # turned off
 *     lint.prefer-text: on           # an opt-in rule turned on at its default severity
 *   naming:
 *     pattern: '^\d{8}_\d{6}_[a-z0-9_]+$'
 * </pre>
 * Anything it cannot use is an {@link InputException} naming the file and the key.
 */
public final class LintConfigFile {

    private LintConfigFile() {
    }

    /**
     * The config of the migrations folder {@code directory}: its {@code schemagate.yml} (or
     * {@code schemagate.yaml}), or the defaults when it has neither. Migration discovery ignores
     * these files, so a folder can carry its own lint settings.
     */
    public static LintConfig forDirectory(Path directory) {
        for (String name : MigrationDiscovery.CONFIG_FILE_NAMES) {
            Path file = directory.resolve(name);
            if (Files.isRegularFile(file)) {
                return load(file);
            }
        }
        return LintConfig.defaults();
    }

    /**
     * The config a run on the migrations folder {@code directory} uses: the folder's own file, else
     * the {@code schemagate.yml} of the current folder, else the defaults.
     */
    public static LintConfig forRun(Path directory) {
        return load(locate(directory));
    }

    /** The config file a run on {@code directory} reads; see {@link MigrationDiscovery#configFile}. */
    public static Path locate(Path directory) {
        return MigrationDiscovery.configFile(directory);
    }

    /** The config of the file, or the defaults when it does not exist. */
    public static LintConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            return LintConfig.defaults();
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(file + ": is not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        ConfigKeys.checkFile(file, root);
        JsonNode lint = root == null ? null : root.get("lint");
        if (lint == null || lint.isNull()) {
            return LintConfig.defaults();
        }
        Severity failOn = lint.has("failOn") ? severity(file, "lint.failOn", lint.get("failOn").asText()) : Severity.ERROR;
        Map<String, Severity> severities = new HashMap<>();
        Set<String> disabled = new HashSet<>();
        JsonNode rules = lint.path("rules");
        for (Iterator<Map.Entry<String, JsonNode>> it = rules.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Rule rule = Rules.byId(entry.getKey()).orElseThrow(() -> new InputException(file + ": lint.rules."
                    + entry.getKey() + " is not a rule" + ConfigKeys.closest(entry.getKey(), Rules.all().stream().map(Rule::id).toList())
                    .map(id -> "; did you mean " + id + "?").orElse("; see docs/rules/ for the rule ids")));
            String value = entry.getValue().asText().toLowerCase(Locale.ROOT);
            switch (value) {
                case "off", "false" -> disabled.add(rule.id());
                case "on", "true" -> severities.put(rule.id(), rule.severity());
                default -> severities.put(rule.id(), severity(file, "lint.rules." + rule.id(), value));
            }
        }
        Optional<Pattern> naming = Optional.empty();
        String pattern = lint.path("naming").path("pattern").asText("");
        if (!pattern.isEmpty()) {
            try {
                naming = Optional.of(Pattern.compile(pattern));
            } catch (PatternSyntaxException e) {
                throw new InputException(file + ": lint.naming.pattern is not a valid regex (" + e.getDescription() + ")", e);
            }
        }
        return new LintConfig(failOn, severities, disabled, naming);
    }

    private static Severity severity(Path file, String key, String value) {
        try {
            return Severity.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": " + key + " is '" + value + "'; use error, warning, info, on or off", e);
        }
    }
}
