package dev.schemagate.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.schemagate.migration.InputException;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.migration.SpringBootMigrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which dialect a run uses, decided once for every command and adapter: the {@code --dialect} the
 * user gave; else the dialect a {@code --db-url} names; else the {@code dialect:} of the folder's
 * {@code schemagate.yml}; else the folder itself ({@code migrations/sqlite/}, or file names that
 * carry exactly one available dialect's suffix, such as {@code 1_x.sqlite3.up.sql}); else the
 * dialect that declares itself the {@linkplain Dialect#fallback() fallback}.
 *
 * @param dialect the dialect the run uses
 * @param reason  where the choice came from, for people ({@code the folder's file names})
 */
public record DialectChoice(Dialect dialect, String reason) {

    /** How deep the file names of a folder are looked at: a folder per migration is one level down. */
    private static final int DEPTH = 2;

    /**
     * Resolves the dialect of a run.
     *
     * @param option    the {@code --dialect} value, or null
     * @param directory the migrations folder, or null when the run reads no folder
     * @param url       the {@code --db-url}, or null
     * @param config    the {@code schemagate.yml} given explicitly, or null to look in {@code directory}
     */
    public static DialectChoice resolve(String option, Path directory, String url, Path config) {
        List<Dialect> all = Dialects.all();
        if (option != null && !option.isBlank()) {
            return new DialectChoice(Dialects.byId(option.strip()), "--dialect");
        }
        if (url != null) {
            for (Dialect dialect : all) {
                if (dialect.acceptsUrl(url)) {
                    return new DialectChoice(dialect, "the --db-url");
                }
            }
        }
        Path file = config != null ? config : directory != null ? MigrationDiscovery.configFile(directory) : null;
        String configured = file != null ? configured(file) : null;
        if (configured != null) {
            return new DialectChoice(Dialects.byId(configured), file.getFileName() + "'s dialect");
        }
        if (directory != null) {
            Set<Dialect> named = namedIn(directory, all);
            if (named.size() == 1) {
                return new DialectChoice(named.iterator().next(), "the folder's names");
            }
        }
        return new DialectChoice(fallback(all), "the default");
    }

    /**
     * Resolves the dialect of a run that reads {@code sources} (a migrations folder, optionally
     * {@code @version}, a schema file, a snapshot or a JDBC URL): the first folder or URL among them
     * speaks for the run when neither the option nor {@code url} does, and so does a schema file
     * whose name carries one dialect's suffix ({@code schema.sqlite.sql}) or that lies in a folder
     * named for one; a Spring Boot project folder speaks through the migrations its settings name.
     */
    public static DialectChoice forSources(String option, String url, String... sources) {
        for (String source : sources) {
            String path = source == null ? null : source.replaceFirst("@[^/\\\\]*$", "");
            if (path != null && path.startsWith("jdbc:")) {
                return resolve(option, null, url != null ? url : path, null);
            }
            if (path != null && Files.isDirectory(Path.of(path))) {
                Path folder = SpringBootMigrations.forRun(Path.of(path), null, Dialects.springVendors(option, url))
                        .map(SpringBootMigrations::location).orElse(Path.of(path));
                return resolve(option, Files.isDirectory(folder) ? folder : folder.getParent(), url, null);
            }
            if (path != null && (option == null || option.isBlank()) && url == null) {
                Set<Dialect> named = namedByFile(Path.of(path), Dialects.all());
                if (named.size() == 1) {
                    return new DialectChoice(named.iterator().next(), "the file's name");
                }
            }
        }
        return resolve(option, null, url, null);
    }

    /**
     * The available dialects a schema file names: those whose name is a dot-separated part of its
     * own name ({@code schema.sqlite.sql}), else its folder's when that is a dialect's name
     * ({@code sqlite/schema.sql}). A file that is not SQL names none.
     */
    private static Set<Dialect> namedByFile(Path file, List<Dialect> all) {
        Set<Dialect> named = new LinkedHashSet<>();
        Path name = file.getFileName();
        if (name == null || !name.toString().toLowerCase(Locale.ROOT).endsWith(".sql")) {
            return named;
        }
        List<String> parts = List.of(name.toString().split("\\."));
        all.stream().filter(d -> parts.stream().anyMatch(part -> names(d, part))).forEach(named::add);
        Path folder = file.toAbsolutePath().normalize().getParent();
        if (named.isEmpty() && folder != null && folder.getFileName() != null) {
            all.stream().filter(d -> names(d, folder.getFileName().toString())).forEach(named::add);
        }
        return named;
    }

    /** The dialect of a run that names none and has no folder to look at. */
    public static Dialect fallback() {
        return fallback(Dialects.all());
    }

    private static Dialect fallback(List<Dialect> all) {
        return all.stream().filter(Dialect::fallback).findFirst()
                .or(() -> all.stream().findFirst())
                .orElseThrow(() -> new IllegalStateException("no dialect on the class path"));
    }

    /** The {@code dialect:} of a {@code schemagate.yml}, or null when it has none (or there is no file). */
    private static String configured(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            JsonNode dialect = root == null ? null : root.get("dialect");
            return dialect == null || dialect.isNull() ? null : dialect.asText();
        } catch (IOException e) {
            throw new InputException(file + ": is not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    /**
     * The available dialects the folder names: its own name ({@code sqlite/}) when that is a
     * dialect's, else the dialects whose names are dot-separated parts of the file names in it, up
     * to the second found (a folder that names two names none).
     */
    private static Set<Dialect> namedIn(Path directory, List<Dialect> all) {
        Path name = directory.toAbsolutePath().normalize().getFileName();
        Set<Dialect> named = new LinkedHashSet<>();
        if (name != null) {
            all.stream().filter(d -> names(d, name.toString())).forEach(named::add);
            if (!named.isEmpty()) {
                return named;
            }
        }
        if (!Files.isDirectory(directory)) {
            return named;
        }
        // two dialects named leave the choice to the fallback: the walk stops at the second
        try (Stream<Path> files = Files.walk(directory, DEPTH)) {
            Iterator<Path> paths = files.iterator();
            while (named.size() < 2 && paths.hasNext()) {
                Path path = paths.next();
                String fileName = path.getNameCount() == 0 ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
                if (fileName.endsWith(".sql") && Files.isRegularFile(path)) {
                    for (String part : fileName.split("\\.")) {
                        all.stream().filter(dialect -> names(dialect, part)).forEach(named::add);
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(directory + ": cannot list the folder (" + e.getMessage() + ")", e);
        }
        return named;
    }

    private static boolean names(Dialect dialect, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return dialect.id().equals(lower) || dialect.fileNameAliases().contains(lower);
    }
}
