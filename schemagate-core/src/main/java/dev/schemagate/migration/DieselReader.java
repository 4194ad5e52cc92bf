package dev.schemagate.migration;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Diesel's layout, read as diesel_migrations reads it: one folder a migration, named
 * {@code <version>_<name>} ({@code 2019-09-12-100000_create_tables}, or diesel's own
 * {@code 00000000000000_diesel_initial_setup}), holding {@code up.sql}, an optional
 * {@code down.sql} and an optional {@code metadata.toml}.
 *
 * <p>The version is the folder name up to its first {@code _} with the dashes removed, and diesel
 * orders versions as text, not as numbers. Diesel runs each migration in a transaction unless its
 * {@code metadata.toml} says otherwise; its metadata's {@code run_in_transaction} field defaults to
 * false once the file exists, so a {@code metadata.toml} without it runs outside a transaction too.
 * Outside a transaction diesel sends the whole file as one query (its {@code batch_execute}), which
 * PostgreSQL runs in one implicit transaction block when it holds several statements.
 *
 * <p>Diesel reads only folders: files beside the migration folders, and files other than those
 * three inside them, are ignored, as diesel ignores them.
 */
final class DieselReader implements LayoutReader {

    private static final Pattern FOLDER = Pattern.compile("(\\d[\\d-]*)(?:_(.*))?");
    private static final Set<String> FILES = Set.of("up.sql", "down.sql", "metadata.toml");
    private static final Pattern RUN_IN_TRANSACTION = Pattern.compile("(?m)^\\s*run_in_transaction\\s*=\\s*(true|false)\\s*(#.*)?$");
    private static final Transaction IN_TRANSACTION = Transaction.wrapped("diesel",
            "give its folder a metadata.toml holding run_in_transaction = false");
    private static final Transaction ONE_QUERY = new Transaction(Transaction.Mode.ONE_QUERY, "diesel", "");

    @Override
    public Layout layout() {
        return Layout.DIESEL;
    }

    @Override
    public boolean recognizes(SourceFile file) {
        return file.depth() == 2 && FOLDER.matcher(file.folder()).matches() && FILES.contains(file.name());
    }

    @Override
    public Optional<String> ignores(SourceFile file) {
        if (file.depth() == 1) {
            return Optional.of("diesel reads only the folders beside it");
        }
        return Optional.of("diesel reads only up.sql, down.sql and metadata.toml of a migration folder");
    }

    @Override
    public Comparator<Version> order() {
        return Comparator.comparing(Version::text);
    }

    @Override
    public String expected() {
        return "<version>_<name>/up.sql and down.sql, with an optional metadata.toml";
    }

    @Override
    public List<Migration> read(List<SourceFile> files) {
        return FolderReader.byFolder(files, DieselReader::migration);
    }

    private static Migration migration(String folder, Map<String, SourceFile> files) {
        SourceFile up = files.get("up.sql");
        if (up == null) {
            SourceFile other = files.values().iterator().next();
            throw new InputException(other.path().getParent() + ": has no up.sql, and diesel refuses a migration folder"
                    + " without one; add it or remove the folder");
        }
        Transaction transaction = transaction(files.get("metadata.toml"));
        Matcher name = LayoutReader.matched(FOLDER, folder);
        Version version = Version.parse(name.group(1).replace("-", ""));
        String description = name.group(2) == null ? "" : name.group(2);
        Optional<Script> down = Optional.ofNullable(files.get("down.sql")).map(f -> f.wholeScript(transaction));
        return new Migration(version, description, up.wholeScript(transaction), down);
    }

    private static Transaction transaction(SourceFile metadata) {
        if (metadata == null) {
            return IN_TRANSACTION;
        }
        Matcher setting = RUN_IN_TRANSACTION.matcher(metadata.text());
        return setting.find() && setting.group(1).equals("true") ? IN_TRANSACTION : ONE_QUERY;
    }
}
