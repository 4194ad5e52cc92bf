package dev.schemagate.migration;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The golang-migrate layout, with the extensions of ory/popx and authelia:
 * {@code <version>_<name>[.<dialect>][.autocommit].(up|down).sql}, the version optionally written
 * {@code V0001} and followed by {@code _} or {@code .} ({@code V0001.Initial_Schema.up.sql}).
 *
 * <p>Dialects follow popx: a file naming this dialect is taken, a file naming another dialect is
 * left alone, and a file naming none applies to every dialect unless a file for this dialect has
 * the same version and direction. So {@code 1_x.up.sql} with {@code 1_x.postgres.up.sql} gives
 * PostgreSQL the latter, while {@code 1_x.down.sql} still serves as its down. A dialect suffix is
 * recognized only when it is a known dialect name; otherwise it is part of the name, as
 * golang-migrate itself reads it.
 *
 * <p>Who runs the folder decides the transactions. golang-migrate sends each file as one query
 * and opens no transaction, so PostgreSQL runs a file of several statements in one implicit
 * transaction block and a file of one statement alone. Dialect suffixes and {@code .autocommit}
 * are ory/popx's: popx runs every migration in a transaction except {@code .autocommit} ones,
 * which it sends as one query. The {@code V0001.} names are Authelia's, whose runner applies every
 * migration inside one transaction.
 */
final class GolangMigrateReader implements LayoutReader {

    private static final Pattern NAME = Pattern.compile("V?(\\d+)(?:[_.](.*?))?(?:\\.([A-Za-z0-9]+))??"
            + "(\\.autocommit)?\\.(up|down)\\.sql");

    private final DialectNames dialect;

    GolangMigrateReader(DialectNames dialect) {
        this.dialect = dialect;
    }

    @Override
    public Layout layout() {
        return Layout.GOLANG_MIGRATE;
    }

    @Override
    public boolean recognizes(SourceFile file) {
        return file.depth() == 1 && NAME.matcher(file.name()).matches();
    }

    /** golang-migrate and popx skip the files whose names they cannot parse; golang-migrate reads no subfolder. */
    @Override
    public Optional<String> ignores(SourceFile file) {
        return Optional.of(file.depth() > 1 ? "golang-migrate does not read subfolders"
                : "golang-migrate reads only <version>_<name>.up.sql and .down.sql files");
    }

    @Override
    public String expected() {
        return "<version>_<name>[.<dialect>][.autocommit].up.sql and .down.sql";
    }

    @Override
    public List<Migration> read(List<SourceFile> files) {
        Runner runner = runner(files);
        VersionPairs own = new VersionPairs();
        VersionPairs common = new VersionPairs();
        for (SourceFile file : files) {
            Matcher name = LayoutReader.matched(NAME, file.name());
            String description = name.group(2) == null ? "" : name.group(2);
            String suffix = name.group(3);
            VersionPairs pairs = common;
            if (suffix != null && dialect.isOwn(suffix)) {
                pairs = own;
            } else if (suffix != null && dialect.isOther(suffix)) {
                continue;
            } else if (suffix != null) {
                description = description + "." + suffix;
            }
            Version version = Version.parse(name.group(1));
            VersionPairs.Side side = new VersionPairs.Side(file, description,
                    name.group(4) == null ? runner.transaction() : runner.autocommit());
            pairs.add(version, side, name.group(5).equals("down"));
        }
        return own.orElse(common).migrations();
    }

    /** The tool that runs these files, told by the extensions only it reads. */
    private Runner runner(List<SourceFile> files) {
        boolean popx = false;
        for (SourceFile file : files) {
            Matcher name = LayoutReader.matched(NAME, file.name());
            if (file.name().startsWith("V")) {
                return new Runner(Transaction.wrapped("Authelia", ""), Transaction.wrapped("Authelia", ""));
            }
            popx |= name.group(4) != null || name.group(3) != null && (dialect.isOwn(name.group(3)) || dialect.isOther(name.group(3)));
        }
        if (popx) {
            return new Runner(Transaction.wrapped("popx", "name its file <version>_<name>.autocommit.up.sql (or .down.sql) so that popx runs it outside a transaction"),
                    new Transaction(Transaction.Mode.ONE_QUERY, "popx", ""));
        }
        Transaction oneQuery = new Transaction(Transaction.Mode.ONE_QUERY, "golang-migrate",
                "golang-migrate sends a file of one statement alone, outside a transaction");
        return new Runner(oneQuery, oneQuery);
    }

    /** How the tool runs a file, and a file it is told to run outside a transaction. */
    private record Runner(Transaction transaction, Transaction autocommit) {
    }
}
