package dev.schemagate.migration;

import java.util.List;
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
 * golang-migrate itself reads it. {@code .autocommit} runs that script outside a transaction.
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

    @Override
    public String expected() {
        return "<version>_<name>[.<dialect>][.autocommit].up.sql and .down.sql";
    }

    @Override
    public List<Migration> read(List<SourceFile> files) {
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
            VersionPairs.Side side = new VersionPairs.Side(file, description, name.group(4) == null);
            if (name.group(5).equals("up")) {
                pairs.up(version, side);
            } else {
                pairs.down(version, side);
            }
        }
        return own.orElse(common).migrations();
    }
}
