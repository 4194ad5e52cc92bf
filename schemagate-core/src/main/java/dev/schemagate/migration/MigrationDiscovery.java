package dev.schemagate.migration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * Finds the migrations in a folder, whichever tool's layout it follows, and puts them in the order
 * they apply: versioned migrations by version, then repeatable ones by description. Everything
 * that cannot be read as migrations is an {@link InputException} that names the file: a missing
 * folder, a file of no layout, a folder mixing layouts, two migrations with one version, a binary
 * or non-UTF-8 file, a folder without migrations.
 *
 * <p>With {@link Layout#AUTO} the layout is decided from the files: the layout that reads every
 * file wins (golang-migrate before plain where both do, as for {@code 1_x.up.sql}); a file that no
 * layout reads is an unknown file, and files that no single layout reads together make an
 * ambiguous folder. With any other layout, every file must be one of that layout's. A file that is
 * not, but that the layout's tool leaves alone (see {@link LayoutReader#ignores}), is ignored and
 * listed in {@link MigrationSet#ignored()}. Dotfiles, {@code README*}, {@code *.md}, {@code atlas.sum}
 * and Schemagate's own config, sum and baseline files ({@link #CONFIG_FILE_NAMES}, {@link #SUM_FILE_NAME},
 * {@link #BASELINE_FILE_NAME}) are ignored wherever they are.
 */
public final class MigrationDiscovery {

    /** Schemagate's config file names, which may sit in the migrations folder next to the migrations. */
    public static final List<String> CONFIG_FILE_NAMES = List.of("schemagate.yml", "schemagate.yaml");

    /**
     * The config file a run on {@code directory} reads: the folder's {@code schemagate.yml} (or
     * {@code .yaml}), else {@code schemagate.yml} in the current folder (which may not exist).
     */
    public static Path configFile(Path directory) {
        Path folder = Files.isRegularFile(directory) ? directory.toAbsolutePath().getParent() : directory;
        return CONFIG_FILE_NAMES.stream().map(folder::resolve).filter(Files::isRegularFile)
                .findFirst().orElse(Path.of(CONFIG_FILE_NAMES.get(0)));
    }

    /** The sum file {@code schemagate hash} writes next to the migrations. */
    public static final String SUM_FILE_NAME = "schemagate.sum";

    /** The baseline {@code schemagate profile --write-baseline} writes next to the migrations. */
    public static final String BASELINE_FILE_NAME = "schemagate-baseline.json";

    private MigrationDiscovery() {
    }

    /**
     * Reads the migrations of {@code directory}.
     *
     * @param directory the migrations folder
     * @param layout    the layout it follows, or {@link Layout#AUTO} to detect it
     * @param dialect   whose files to take where a layout names dialects in file names or attributes
     * @return the migrations in apply order, with the layout they were read as
     * @throws InputException when the folder cannot be read as migrations; the message names the file
     */
    public static MigrationSet discover(Path directory, Layout layout, DialectNames dialect) {
        return discover(directory, layout, dialect, Map.of());
    }

    /**
     * Checks, reading no migration, what would make {@link #discover} fail at once: that
     * {@code directory} exists and that its config files (the layout in {@code schemagate.yml},
     * Flyway's and Liquibase's settings) are valid. A command that starts its server while it reads
     * the migrations calls this first, so that these mistakes are reported at once and start nothing.
     *
     * @throws InputException naming the folder or the config file
     */
    public static void check(Path directory, Map<String, String> settings) {
        FolderListing.requireExisting(directory);
        MigrationsConfig.forRun(directory, settings);
    }

    /**
     * Reads the migrations of {@code directory}, or of the changelog it is or holds, as
     * {@link #discover(Path, Layout, DialectNames)} does, with settings the build gives.
     *
     * @param settings flat {@code flyway.*} and {@code liquibase.*} settings that take precedence over
     *                 the config files' (see {@link MigrationsConfig})
     */
    public static MigrationSet discover(Path directory, Layout layout, DialectNames dialect, Map<String, String> settings) {
        MigrationsConfig config = MigrationsConfig.forRun(directory, settings);
        Layout wanted = layout == Layout.AUTO ? config.layout() : layout;
        if (wanted == Layout.AUTO || wanted == Layout.LIQUIBASE_CHANGELOG || Files.isRegularFile(directory)) {
            Optional<MigrationSet> changelog = Changelogs.read(directory, config.changelog(), dialect);
            if (changelog.isPresent()) {
                return changelog.get();
            }
            if (wanted == Layout.LIQUIBASE_CHANGELOG) {
                throw new InputException(directory + ": holds no Liquibase master changelog (db.changelog-master.yaml, .yml,"
                        + " .xml or .json); give the changelog file itself");
            }
        }
        List<SourceFile> files = withLocations(directory, FolderListing.list(directory), config.flyway());
        if (files.isEmpty()) {
            throw noMigrations(directory, dialect);
        }
        List<LayoutReader> readers = readers(dialect, config);
        if (wanted == Layout.CUSTOM && config.custom().isEmpty()) {
            throw new InputException(directory + ": the custom layout is described in schemagate.yml (layout: with a"
                    + " pattern or files), and there is none; describe it or name another layout");
        }
        LayoutReader reader = wanted == Layout.AUTO
                ? LayoutDetector.detect(directory, files, readers)
                : readers.stream().filter(r -> r.layout() == wanted).findFirst().orElseThrow();
        List<SourceFile> read = new ArrayList<>();
        List<IgnoredFile> ignored = new ArrayList<>();
        for (SourceFile file : files) {
            if (reader.recognizes(file)) {
                read.add(file);
                continue;
            }
            Optional<String> reason = reader.ignores(file);
            if (reason.isEmpty()) {
                throw layout == Layout.AUTO ? LayoutDetector.unknown(file)
                        : new InputException(file.path() + ": is not a " + reader.layout().id() + " migration (expected "
                        + reader.expected() + "); rename it or move it out of the migrations folder");
            }
            ignored.add(new IgnoredFile(file.path(), reason.get()));
        }
        List<Migration> migrations = ordered(reader.read(read), reader.order());
        if (migrations.isEmpty()) {
            throw noMigrations(directory, dialect);
        }
        return new MigrationSet(directory, reader.layout(), migrations, ignored);
    }

    /**
     * The files of {@code directory} that discovery reads, relative to it with {@code /} separators, in
     * name order: every file but those it ignores (dotfiles, READMEs, Markdown, config and sum files).
     */
    public static List<String> files(Path directory) {
        return FolderListing.list(directory).stream().map(SourceFile::relative).toList();
    }

    /** True when discovery ignores a file of this name wherever it is (a README, a dotfile, a config, sum or baseline file). */
    public static boolean ignored(String fileName) {
        return FolderListing.harmless(fileName);
    }

    /**
     * One reader a layout, in the order detection prefers them when several fit every file; the
     * custom layout is there only when the config describes one, and is never detected.
     */
    private static List<LayoutReader> readers(DialectNames dialect, MigrationsConfig config) {
        List<LayoutReader> readers = new ArrayList<>(List.of(new DieselReader(), new FolderReader(),
                new LiquibaseReader(dialect), new GooseReader(), new DbmateReader(), new SqlxReader(),
                new GolangMigrateReader(dialect), new FlywayReader(config.flyway().onScratch(dialect)), new PlainReader()));
        config.custom().ifPresent(custom -> readers.add(new CustomReader(custom, dialect)));
        return readers;
    }

    /** The folder's files and those of the further Flyway locations the config names, each file once. */
    private static List<SourceFile> withLocations(Path directory, List<SourceFile> files, FlywaySettings flyway) {
        List<SourceFile> all = new ArrayList<>(files);
        Set<Path> seen = new HashSet<>();
        seen.add(directory.toAbsolutePath().normalize());
        for (Path location : flyway.locations()) {
            if (seen.add(location.toAbsolutePath().normalize())) {
                all.addAll(FolderListing.list(location));
            }
        }
        return all;
    }

    private static List<Migration> ordered(List<Migration> migrations, Comparator<Version> versions) {
        List<Migration> sorted = new ArrayList<>(migrations);
        sorted.sort(Comparator.comparing(Migration::repeatable)
                .thenComparing(Migration::version, Comparator.nullsLast(versions))
                .thenComparing(Migration::description));
        for (int i = 1; i < sorted.size(); i++) {
            Migration previous = sorted.get(i - 1);
            Migration migration = sorted.get(i);
            if (!migration.repeatable() && versions.compare(migration.version(), previous.version()) == 0) {
                throw VersionPairs.sameVersion(migration.version(), previous.up().file(), migration.up().file());
            }
        }
        return sorted;
    }

    private static InputException noMigrations(Path directory, DialectNames dialect) {
        return new InputException(directory + ": holds no migrations for " + dialect.id()
                + "; give the folder that holds the migration files");
    }
}
