package dev.schemagate.migration;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sqlx's layout, read as sqlx-core's migration source reads it: {@code <version>_<name>.sql} (a
 * simple migration, no down) or {@code <version>_<name>.up.sql} with {@code .down.sql} (a
 * reversible one), the version a positive 64-bit integer, versions applied in numeric order.
 *
 * <p>sqlx runs each migration in a transaction unless its file begins with the exact bytes
 * {@code -- no-transaction}; then it sends the whole file as one query, which PostgreSQL runs in one
 * implicit transaction block when it holds several statements. Files whose names are not
 * {@code <version>_<name>.sql} are ignored, as sqlx ignores them, and so are subfolders.
 *
 * <p>The names are also golang-migrate's and plain SQL's, so detection picks sqlx only when a file
 * begins with {@code -- no-transaction}; otherwise say {@code --layout sqlx}.
 */
final class SqlxReader implements LayoutReader {

    private static final Pattern NAME = Pattern.compile("(\\d+)_(.+?)(\\.up|\\.down)?\\.sql");
    private static final String NO_TRANSACTION = "-- no-transaction";
    private static final Transaction IN_TRANSACTION = Transaction.wrapped("sqlx", "begin its file with '-- no-transaction'");
    private static final Transaction ONE_QUERY = new Transaction(Transaction.Mode.ONE_QUERY, "sqlx", "");

    /** True when the text opts out of sqlx's transaction (and so marks its folder as sqlx's). */
    static boolean marked(String text) {
        return text.startsWith(NO_TRANSACTION);
    }

    @Override
    public Layout layout() {
        return Layout.SQLX;
    }

    @Override
    public boolean recognizes(SourceFile file) {
        return file.depth() == 1 && NAME.matcher(file.name()).matches();
    }

    @Override
    public boolean claims(List<SourceFile> files) {
        return files.stream().anyMatch(file -> recognizes(file) && file.startsWith(NO_TRANSACTION));
    }

    @Override
    public Optional<String> ignores(SourceFile file) {
        return Optional.of(file.depth() > 1 ? "sqlx does not read subfolders" : "sqlx reads only <version>_<name>.sql files");
    }

    @Override
    public String expected() {
        return "<version>_<name>.sql, or <version>_<name>.up.sql with <version>_<name>.down.sql";
    }

    @Override
    public List<Migration> read(List<SourceFile> files) {
        VersionPairs pairs = new VersionPairs();
        for (SourceFile file : files) {
            Matcher name = LayoutReader.matched(NAME, file.name());
            Version version = Version.parse(name.group(1));
            if (version.segments().get(0).bitLength() > 63 || version.segments().get(0).signum() == 0) {
                throw new InputException(file.path() + ": has version " + name.group(1) + ", which sqlx refuses"
                        + " (a version is a positive 64-bit integer); renumber it");
            }
            Transaction transaction = marked(file.text()) ? ONE_QUERY : IN_TRANSACTION;
            VersionPairs.Side side = new VersionPairs.Side(file, name.group(2), transaction);
            pairs.add(version, side, ".down".equals(name.group(3)));
        }
        return pairs.migrations();
    }
}
