package dev.schemagate.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dbmate layout: one file a version, {@code <version>_<name>.sql}, with a {@code -- migrate:up}
 * section and an optional {@code -- migrate:down} section after it. Options follow the marker on
 * its line: {@code -- migrate:up transaction:false} runs that section outside a transaction. As in
 * dbmate, only blank lines and comments may come before {@code -- migrate:up}. A file without a
 * down marker has no down script (dbmate would roll it back by running nothing).
 */
final class DbmateReader implements LayoutReader {

    private static final Pattern NAME = Pattern.compile("(\\d+)_?(.*)\\.sql");
    private static final Pattern MARKER = Pattern.compile("--\\s*migrate:(up|down)(\\s.*)?");
    private static final Pattern ANY_MARKER = Pattern.compile("(?m)^--\\s*migrate:(up|down)(\\s|$)");

    /** True when the text has a dbmate section marker. */
    static boolean marked(String text) {
        // every folder's files are asked; the literal test spares the regex's scan of most of them
        return text.contains("migrate:") && ANY_MARKER.matcher(text).find();
    }

    @Override
    public Layout layout() {
        return Layout.DBMATE;
    }

    @Override
    public boolean recognizes(SourceFile file) {
        return file.depth() == 1 && NAME.matcher(file.name()).matches() && marked(file.text());
    }

    @Override
    public String expected() {
        return "<version>_<name>.sql with a '-- migrate:up' line";
    }

    @Override
    public List<Migration> read(List<SourceFile> files) {
        List<Migration> migrations = new ArrayList<>();
        for (SourceFile file : files) {
            Matcher name = LayoutReader.matched(NAME, file.name());
            migrations.add(migration(file, Version.parse(name.group(1)), name.group(2)));
        }
        return migrations;
    }

    private static Migration migration(SourceFile file, Version version, String description) {
        TextLines lines = new TextLines(file.text());
        int up = -1;
        int down = -1;
        for (int i = 0; i < lines.count(); i++) {
            Matcher marker = MARKER.matcher(lines.line(i));
            if (!marker.matches()) {
                if (up < 0 && !TextLines.isCommentOrBlank(lines.line(i))) {
                    throw new InputException(file.path() + ":" + (i + 1)
                            + ": SQL before '-- migrate:up', which dbmate does not run; move it into a section");
                }
            } else if (marker.group(1).equals("up") && up < 0) {
                up = i;
            } else if (marker.group(1).equals("down") && down < 0) {
                if (up < 0) {
                    throw new InputException(file.path() + ":" + (i + 1)
                            + ": '-- migrate:down' without a '-- migrate:up' line before it; begin with the up section");
                }
                down = i;
            }
        }
        int upEnd = down < 0 ? lines.count() : down;
        Script upScript = section(file, lines, up, upEnd);
        Optional<Script> downScript = down < 0 ? Optional.empty() : Optional.of(section(file, lines, down, lines.count()));
        return new Migration(version, description, upScript, downScript);
    }

    private static Script section(SourceFile file, TextLines lines, int marker, int end) {
        boolean outside = lines.line(marker).matches(".*\\stransaction:false(\\s.*)?");
        Transaction transactional = outside ? new Transaction(Transaction.Mode.ONE_QUERY, "dbmate", "")
                : Transaction.wrapped("dbmate", "write 'transaction:false' after its '-- migrate:up' (or down) marker");
        return new Script(file.path(), lines.part(marker + 1, end, ScriptPart.SEMICOLON), transactional);
    }
}
