package dev.schemagate.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Liquibase formatted SQL layout: {@code .sql} files whose first line is
 * {@code --liquibase formatted sql}, read in name order (as Liquibase's {@code includeAll} does,
 * so {@code 10_x.sql} comes before {@code 2_x.sql}). Each changeset is one migration, described as
 * {@code author:id}; its synthetic version is the file's position and the changeset's position in
 * the file ({@code 2.3} is the third changeset of the second file), so that they sort as Liquibase
 * runs them.
 *
 * <p>Changeset attributes: {@code runInTransaction:false} runs up and rollback outside a
 * transaction; {@code splitStatements:false} keeps the SQL whole and {@code endDelimiter:<d>}
 * splits it on {@code d} (likewise {@code rollbackSplitStatements} and
 * {@code rollbackEndDelimiter}); {@code dbms:} keeps a changeset only where it names this dialect
 * ({@code !name} excludes, {@code all} and {@code none} as in Liquibase); {@code ignore:true} drops
 * it. A rollback of {@code empty} or {@code not required} is a down script with nothing to run; a
 * changeset without rollback has no down script.
 */
final class LiquibaseReader implements LayoutReader {

    private static final Transaction LIQUIBASE = Transaction.wrapped("Liquibase", "set runInTransaction:false on its changeset");
    private static final Pattern HEADER = Pattern.compile("\\s*--\\s*liquibase\\s*formatted", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOTHING_TO_ROLL_BACK = Pattern.compile("(not required|empty).*");

    private final DialectNames dialect;

    LiquibaseReader(DialectNames dialect) {
        this.dialect = dialect;
    }

    /** True when the text's first non-blank line is Liquibase's formatted SQL header. */
    static boolean marked(String text) {
        return HEADER.matcher(text).lookingAt();
    }

    @Override
    public Layout layout() {
        return Layout.LIQUIBASE;
    }

    @Override
    public boolean recognizes(SourceFile file) {
        return file.depth() == 1 && file.name().endsWith(".sql") && marked(file.text());
    }

    @Override
    public String expected() {
        return "<name>.sql starting with '--liquibase formatted sql'";
    }

    @Override
    public List<Migration> read(List<SourceFile> files) {
        List<Migration> migrations = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            SourceFile file = files.get(i);
            for (LiquibaseChangelog.Changeset changeset : LiquibaseChangelog.parse(file)) {
                LiquibaseChangelog.Attributes attributes = changeset.attributes();
                if ("true".equalsIgnoreCase(attributes.get("ignore")) || !applies(attributes.get("dbms"))) {
                    continue;
                }
                if (changeset.sql().isEmpty()) {
                    throw new InputException(file.path() + ":" + changeset.line() + ": changeset " + changeset.author() + ":"
                            + changeset.id() + " has no SQL; add its SQL or remove the changeset");
                }
                Transaction transactional = attributes.isFalse("runInTransaction") ? Transaction.none("Liquibase") : LIQUIBASE;
                Script up = new Script(file.path(), changeset.sql(), transactional);
                Version version = Version.parse((i + 1) + "." + changeset.index());
                String description = changeset.author() + ":" + changeset.id();
                migrations.add(new Migration(version, description, up, down(file, changeset, transactional)));
            }
        }
        return migrations;
    }

    private static Optional<Script> down(SourceFile file, LiquibaseChangelog.Changeset changeset, Transaction transactional) {
        Script rollback = new Script(file.path(), changeset.rollback(), transactional);
        String text = rollback.text().trim().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (NOTHING_TO_ROLL_BACK.matcher(text).matches()) {
            return Optional.of(new Script(file.path(), List.of(), transactional));
        }
        return Optional.of(rollback);
    }

    /** Whether a {@code dbms:} list takes this dialect, by Liquibase's rules. */
    private boolean applies(String dbms) {
        if (dbms == null || dbms.isBlank()) {
            return true;
        }
        List<String> names = List.of(dbms.toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
        if (names.contains("all")) {
            return true;
        }
        if (names.contains("none") || names.stream().anyMatch(n -> n.startsWith("!") && dialect.isOwn(n.substring(1)))) {
            return false;
        }
        List<String> wanted = names.stream().filter(n -> !n.startsWith("!")).toList();
        return wanted.isEmpty() || wanted.stream().anyMatch(dialect::isOwn);
    }
}
