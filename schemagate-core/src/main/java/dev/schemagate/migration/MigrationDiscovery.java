package dev.schemagate.migration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
 * ambiguous folder. With any other layout, every file must be one of that layout's. Dotfiles,
 * {@code README*}, {@code *.md}, {@code atlas.sum} and Schemagate's own config and sum files
 * ({@link #CONFIG_FILE_NAMES}, {@link #SUM_FILE_NAME}) are ignored wherever they are.
 */
public final class MigrationDiscovery {

    /** Schemagate's config file names, which may sit in the migrations folder next to the migrations. */
    public static final List<String> CONFIG_FILE_NAMES = List.of("schemagate.yml", "schemagate.yaml");

    /** The sum file {@code schemagate hash} writes next to the migrations. */
    public static final String SUM_FILE_NAME = "schemagate.sum";

    private static final Comparator<Migration> ORDER = Comparator.comparing(Migration::repeatable)
            .thenComparing(Migration::version, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Migration::description);

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
        List<SourceFile> files = FolderListing.list(directory);
        if (files.isEmpty()) {
            throw noMigrations(directory, dialect);
        }
        List<LayoutReader> readers = readers(dialect);
        LayoutReader reader = layout == Layout.AUTO
                ? LayoutDetector.detect(directory, files, readers)
                : readers.stream().filter(r -> r.layout() == layout).findFirst().orElseThrow();
        for (SourceFile file : files) {
            if (!reader.recognizes(file)) {
                throw new InputException(file.path() + ": is not a " + reader.layout().id() + " migration (expected "
                        + reader.expected() + "); rename it or move it out of the migrations folder");
            }
        }
        List<Migration> migrations = ordered(reader.read(files));
        if (migrations.isEmpty()) {
            throw noMigrations(directory, dialect);
        }
        return new MigrationSet(directory, reader.layout(), migrations);
    }

    /**
     * The files of {@code directory} that discovery reads, relative to it with {@code /} separators, in
     * name order: every file but those it ignores (dotfiles, READMEs, Markdown, config and sum files).
     */
    public static List<String> files(Path directory) {
        return FolderListing.list(directory).stream().map(SourceFile::relative).toList();
    }

    /** True when discovery ignores a file of this name wherever it is (a README, a dotfile, a config or sum file). */
    public static boolean ignored(String fileName) {
        return FolderListing.harmless(fileName);
    }

    /** One reader a layout, in the order detection prefers them when several fit every file. */
    private static List<LayoutReader> readers(DialectNames dialect) {
        return List.of(new FolderReader(), new LiquibaseReader(dialect), new GooseReader(), new DbmateReader(),
                new GolangMigrateReader(dialect), new FlywayReader(), new PlainReader());
    }

    private static List<Migration> ordered(List<Migration> migrations) {
        List<Migration> sorted = new ArrayList<>(migrations);
        sorted.sort(ORDER);
        for (int i = 1; i < sorted.size(); i++) {
            Migration previous = sorted.get(i - 1);
            Migration migration = sorted.get(i);
            if (!migration.repeatable() && migration.version().equals(previous.version())) {
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
