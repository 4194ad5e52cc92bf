package dev.schemagate.migration;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain layout: {@code NNN_name.sql} applies a migration and {@code NNN_name_rollback.sql}
 * reverts it; {@code NNN_name.up.sql} and {@code NNN_name.down.sql} say the same. A file holding
 * the markers of goose, dbmate or Liquibase is theirs, not plain SQL. Whatever runs them is taken to
 * send each file as one query, as {@code psql -c} and most hand-written runners do: PostgreSQL runs a
 * file of several statements in one implicit transaction block, and a file of one statement alone.
 */
final class PlainReader implements LayoutReader {

    private static final Transaction TRANSACTION = new Transaction(Transaction.Mode.ONE_QUERY, "the migration tool",
            "a file of one statement is sent alone, outside a transaction");
    private static final Pattern NAME = Pattern.compile("(\\d+)_(.+?)(_rollback|\\.down|\\.up)?\\.sql");

    @Override
    public Layout layout() {
        return Layout.PLAIN;
    }

    @Override
    public boolean recognizes(SourceFile file) {
        if (file.depth() != 1 || !NAME.matcher(file.name()).matches()) {
            return false;
        }
        String text = file.text();
        return !GooseReader.marked(text) && !DbmateReader.marked(text) && !LiquibaseReader.marked(text);
    }

    @Override
    public String expected() {
        return "NNN_name.sql with NNN_name_rollback.sql, or NNN_name.up.sql with NNN_name.down.sql";
    }

    @Override
    public List<Migration> read(List<SourceFile> files) {
        VersionPairs pairs = new VersionPairs();
        for (SourceFile file : files) {
            Matcher name = LayoutReader.matched(NAME, file.name());
            Version version = Version.parse(name.group(1));
            VersionPairs.Side side = new VersionPairs.Side(file, name.group(2), TRANSACTION);
            String suffix = name.group(3);
            pairs.add(version, side, suffix != null && !suffix.equals(".up"));
        }
        return pairs.migrations();
    }
}
