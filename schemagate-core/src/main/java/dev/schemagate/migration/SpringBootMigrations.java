package dev.schemagate.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Where a Spring Boot application finds its migrations, read from its {@code application.yml}
 * (or {@code .yaml}) and {@code application.properties} (which wins where both set a key, as in
 * Spring Boot), without profiles: {@code spring.liquibase.change-log}, else
 * {@code spring.flyway.locations}, else the defaults, Liquibase's
 * {@code classpath:db/changelog/db.changelog-master.yaml} and Flyway's {@code classpath:db/migration},
 * whichever exists; {@code {vendor}} in a Flyway location stands for the database's id as Spring Boot
 * names it (see {@link SpringVendors}). Flyway placeholders ({@code spring.flyway.placeholders.*}, prefix, suffix,
 * {@code mixed}) and Liquibase contexts, labels and parameters come along as the flat
 * {@code flyway.*} and {@code liquibase.*} settings of a run. Keys are matched as Spring's relaxed
 * binding does: {@code change-log}, {@code changeLog} and {@code change_log} are one key.
 *
 * @param location the migrations folder or changelog
 * @param settings the run's flat {@code flyway.*} or {@code liquibase.*} settings
 * @param origin   which setting or default gave the location, for people
 */
public record SpringBootMigrations(Path location, Map<String, String> settings, String origin) {

    private static final String CLASSPATH = "classpath:";
    private static final String FILESYSTEM = "filesystem:";
    private static final String LIQUIBASE_DEFAULT = "classpath:db/changelog/db.changelog-master.yaml";
    private static final String FLYWAY_DEFAULT = "classpath:db/migration";
    private static final String VENDOR = "{vendor}";
    /** The application settings files Spring Boot reads, properties last so that they win. */
    public static final List<String> FILES = List.of("application.yml", "application.yaml", "application.properties");

    public SpringBootMigrations {
        settings = Map.copyOf(settings);
    }

    /**
     * The migrations of the project in {@code basedir}, its class path root being
     * {@code src/main/resources}; empty when it configures none and neither default exists.
     */
    public static Optional<SpringBootMigrations> ofProject(Path basedir, SpringVendors vendors) {
        Path resources = basedir.resolve("src/main/resources");
        List<Path> files = FILES.stream().map(resources::resolve).filter(Files::isRegularFile).toList();
        return find(properties(files), name -> existing(resources.resolve(name)), basedir, vendors);
    }

    /**
     * The migrations one Spring Boot settings file names ({@code application.yml}, {@code .yaml} or
     * {@code .properties}), its folder being the class path root, as {@code src/main/resources} is;
     * empty when it configures none and neither default exists there.
     */
    public static Optional<SpringBootMigrations> ofSettingsFile(Path file, SpringVendors vendors) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": no such Spring Boot settings file; name an application.yml or application.properties");
        }
        Path root = file.toAbsolutePath().getParent();
        return find(properties(List.of(file)), name -> existing(root.resolve(name)), root, vendors);
    }

    /**
     * The migrations a run on {@code path} takes from Spring Boot settings: those the settings
     * file names when one is given, else those of the project when {@code path} is a project folder
     * (it holds {@code src/main/resources}), else none: {@code path} is the migrations themselves.
     *
     * @throws InputException when a settings file is given but names no migrations, nor does a default exist
     */
    public static Optional<SpringBootMigrations> forRun(Path path, Path settingsFile, SpringVendors vendors) {
        if (settingsFile != null) {
            return Optional.of(ofSettingsFile(settingsFile, vendors).orElseThrow(() -> new InputException(settingsFile
                    + ": sets neither spring.liquibase.change-log nor spring.flyway.locations, and neither default ("
                    + LIQUIBASE_DEFAULT + ", " + FLYWAY_DEFAULT + ") is beside it; set one, or name the migrations folder")));
        }
        return Files.isDirectory(path.resolve("src/main/resources")) ? ofProject(path, vendors) : Optional.empty();
    }

    /** These settings, with {@code given} flat settings (a command line's or a build's own) over them where they set a key. */
    public Map<String, String> settingsWith(Map<String, String> given) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.putAll(given);
        return all;
    }

    /**
     * The migrations these application properties name.
     *
     * @param properties the application's properties, flat
     * @param classpath  finds a class path resource ({@code db/migration}) as a file or folder
     * @param base       the folder {@code filesystem:} locations are relative to
     * @param vendors    what {@code {vendor}} in {@code spring.flyway.locations} may stand for
     */
    public static Optional<SpringBootMigrations> find(Map<String, String> properties, Function<String, Optional<Path>> classpath,
                                                      Path base, SpringVendors vendors) {
        Relaxed spring = new Relaxed(properties);
        boolean liquibase = !"false".equalsIgnoreCase(spring.get("spring.liquibase.enabled"));
        boolean flyway = !"false".equalsIgnoreCase(spring.get("spring.flyway.enabled"));
        String changeLog = spring.get("spring.liquibase.change-log");
        String locations = spring.get("spring.flyway.locations");
        if (liquibase && changeLog != null) {
            Path found = resolve(changeLog, classpath, base).orElseThrow(() -> new InputException("spring.liquibase.change-log: "
                    + changeLog + " does not exist; fix the setting or add the changelog"));
            return Optional.of(liquibase(found, spring, "spring.liquibase.change-log"));
        }
        if (flyway && locations != null) {
            return flyway(locations, new Resolver(spring, classpath, base, vendors), "spring.flyway.locations");
        }
        Optional<Path> master = liquibase ? resolve(LIQUIBASE_DEFAULT, classpath, base) : Optional.empty();
        if (master.isPresent()) {
            return Optional.of(liquibase(master.get(), spring, "Spring Boot's default changelog " + LIQUIBASE_DEFAULT));
        }
        return flyway ? flyway(FLYWAY_DEFAULT, new Resolver(spring, classpath, base, vendors), "Spring Boot's default " + FLYWAY_DEFAULT)
                : Optional.empty();
    }

    /** The flat properties of these files, read in order (a later file's key wins); a YAML file's first document only. */
    public static Map<String, String> properties(List<Path> files) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                if (file.getFileName().toString().endsWith(".properties")) {
                    Properties read = new Properties();
                    try (Reader reader = Files.newBufferedReader(file)) {
                        read.load(reader);
                    }
                    read.stringPropertyNames().forEach(key -> properties.put(key, read.getProperty(key)));
                } else {
                    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
                    for (Iterator<Map.Entry<String, JsonNode>> it = root == null ? List.<Map.Entry<String, JsonNode>>of().iterator()
                            : root.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> field = it.next();
                        if (field.getValue().isValueNode()) {
                            properties.put(field.getKey(), field.getValue().asText());
                        } else {
                            FlywayConfigFiles.flatten(field.getKey(), field.getValue(), properties);
                        }
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new InputException(file + ": cannot be read as Spring Boot settings (" + e.getMessage().lines().findFirst().orElse("")
                        + ")", e);
            }
        }
        return properties;
    }

    private static SpringBootMigrations liquibase(Path changelog, Relaxed spring, String origin) {
        Map<String, String> settings = new LinkedHashMap<>();
        spring.put("spring.liquibase.contexts", "liquibase.contexts", settings);
        spring.put("spring.liquibase.labels", "liquibase.labels", settings);
        spring.put("spring.liquibase.label-filter", "liquibase.labels", settings);
        spring.under("spring.liquibase.parameters.").forEach((name, value) -> settings.put("liquibase.parameters." + name, value));
        return new SpringBootMigrations(changelog, settings, origin);
    }

    private static Optional<SpringBootMigrations> flyway(String locations, Resolver resolver, String origin) {
        Relaxed spring = resolver.spring();
        List<Path> folders = new ArrayList<>();
        String because = "";
        for (String location : locations.split(",")) {
            String named = location.strip();
            named = named.contains(":") ? named : CLASSPATH + named;
            if (named.contains(VENDOR)) {
                String template = named;
                Optional<SpringVendors.Vendor> vendor = resolver.vendors().choose(resolver.url(),
                        id -> resolver.resolve(template.replace(VENDOR, id)).isPresent());
                named = template.replace(VENDOR, vendor.map(SpringVendors.Vendor::id).orElse(VENDOR));
                because = vendor.map(v -> ", " + VENDOR + " = " + v.id() + " from " + v.reason()).orElse(because);
            }
            if (!named.equals(CLASSPATH)) {
                resolver.resolve(named).ifPresent(folders::add);
            }
        }
        if (folders.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> settings = new LinkedHashMap<>();
        if (folders.size() > 1) {
            settings.put("flyway.locations", String.join(",", folders.subList(1, folders.size()).stream()
                    .map(folder -> FILESYSTEM + folder.toAbsolutePath()).toList()));
        }
        spring.under("spring.flyway.placeholders.").forEach((name, value) -> settings.put("flyway.placeholders." + name, value));
        spring.put("spring.flyway.placeholder-prefix", "flyway.placeholderPrefix", settings);
        spring.put("spring.flyway.placeholder-suffix", "flyway.placeholderSuffix", settings);
        spring.put("spring.flyway.placeholder-replacement", "flyway.placeholderReplacement", settings);
        spring.put("spring.flyway.mixed", "flyway.mixed", settings);
        return Optional.of(new SpringBootMigrations(folders.get(0), settings, origin + because));
    }

    /** Finds the locations the settings name: {@code classpath:} through the class path, {@code filesystem:} under the base folder. */
    private record Resolver(Relaxed spring, Function<String, Optional<Path>> classpath, Path base, SpringVendors vendors) {

        Optional<Path> resolve(String location) {
            return SpringBootMigrations.resolve(location, classpath, base);
        }

        /** The JDBC URL Flyway would reach, whose database Spring Boot names {@code {vendor}} after. */
        String url() {
            String flyway = spring.get("spring.flyway.url");
            return flyway != null ? flyway : spring.get("spring.datasource.url");
        }
    }

    private static Optional<Path> resolve(String location, Function<String, Optional<Path>> classpath, Path base) {
        String trimmed = location.strip();
        if (trimmed.startsWith(FILESYSTEM)) {
            return existing(base.resolve(trimmed.substring(FILESYSTEM.length())));
        }
        String resource = (trimmed.startsWith(CLASSPATH) ? trimmed.substring(CLASSPATH.length()) : trimmed).replaceFirst("^/+", "");
        return classpath.apply(resource);
    }

    private static Optional<Path> existing(Path path) {
        return Files.exists(path) ? Optional.of(path) : Optional.empty();
    }

    /** Properties looked up as Spring's relaxed binding does: case, dashes and underscores do not matter. */
    private record Relaxed(Map<String, String> properties) {

        String get(String key) {
            String wanted = canonical(key);
            String found = null;
            for (Map.Entry<String, String> entry : properties.entrySet()) {
                if (canonical(entry.getKey()).equals(wanted)) {
                    found = entry.getValue();
                }
            }
            return found;
        }

        void put(String key, String as, Map<String, String> settings) {
            String value = get(key);
            if (value != null) {
                settings.put(as, value);
            }
        }

        /** The entries under a prefix, by the rest of their key as written. */
        Map<String, String> under(String prefix) {
            String wanted = canonical(prefix);
            Map<String, String> found = new LinkedHashMap<>();
            properties.forEach((key, value) -> {
                int dots = prefix.split("\\.").length;
                String[] parts = key.split("\\.", dots + 1);
                if (parts.length == dots + 1 && canonical(key.substring(0, key.length() - parts[dots].length())).equals(wanted)) {
                    found.put(parts[dots], value);
                }
            });
            return found;
        }

        private static String canonical(String key) {
            return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        }
    }
}
