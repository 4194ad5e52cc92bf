package dev.schemagate.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The goose layout: one file a version, {@code <version>_<name>.sql}, with {@code -- +goose Up}
 * and an optional {@code -- +goose Down} section. Text between {@code -- +goose StatementBegin}
 * and {@code -- +goose StatementEnd} is one statement (a part kept whole); {@code -- +goose NO
 * TRANSACTION} runs both sections outside a transaction. {@code ENVSUB ON/OFF} is accepted but no
 * variables are substituted. Goose's Go migrations ({@code .go}) cannot be run from SQL and are
 * reported as unsupported input.
 */
final class GooseReader implements LayoutReader {

    private static final Transaction GOOSE = Transaction.wrapped("goose", "begin its file with '-- +goose NO TRANSACTION'");
    private static final Pattern SQL_NAME = Pattern.compile("(\\d+)_(.*)\\.sql");
    private static final Pattern GO_NAME = Pattern.compile("\\d+_.*\\.go");
    private static final Pattern ANNOTATION = Pattern.compile("--\\s*\\+goose\\s+(.*?)\\s*");
    private static final Pattern ANY_ANNOTATION = Pattern.compile("(?m)^--\\s*\\+goose\\s");

    /** True when the text has a goose annotation. */
    static boolean marked(String text) {
        // every folder's files are asked; the literal test spares the regex's scan of most of them
        return text.contains("+goose") && ANY_ANNOTATION.matcher(text).find();
    }

    @Override
    public Layout layout() {
        return Layout.GOOSE;
    }

    @Override
    public boolean recognizes(SourceFile file) {
        if (file.depth() != 1) {
            return false;
        }
        return GO_NAME.matcher(file.name()).matches() || SQL_NAME.matcher(file.name()).matches() && marked(file.text());
    }

    /** goose reads only the {@code .sql} and {@code .go} files of the folder itself. */
    @Override
    public Optional<String> ignores(SourceFile file) {
        if (file.depth() > 1) {
            return Optional.of("goose does not read subfolders");
        }
        return file.name().endsWith(".sql") || file.name().endsWith(".go") ? Optional.empty()
                : Optional.of("goose reads only .sql and .go files");
    }

    @Override
    public String expected() {
        return "<version>_<name>.sql with a '-- +goose Up' line";
    }

    @Override
    public List<Migration> read(List<SourceFile> files) {
        List<Migration> migrations = new ArrayList<>();
        for (SourceFile file : files) {
            if (GO_NAME.matcher(file.name()).matches()) {
                throw new InputException(file.path() + ": is a goose Go migration, which Schemagate cannot run;"
                        + " write it as a .sql migration or move it out of the migrations folder");
            }
            Matcher name = LayoutReader.matched(SQL_NAME, file.name());
            migrations.add(new Sections(file).migration(Version.parse(name.group(1)), name.group(2)));
        }
        return migrations;
    }

    /** Walks one file's lines, cutting them into the parts of its up and down sections. */
    private static final class Sections {

        private final SourceFile file;
        private final TextLines lines;
        private final List<ScriptPart> up = new ArrayList<>();
        private final List<ScriptPart> down = new ArrayList<>();
        private List<ScriptPart> current;
        private boolean sawDown;
        private Transaction transaction = GOOSE;
        private int runStart;
        private int blockStart = -1;

        Sections(SourceFile file) {
            this.file = file;
            this.lines = new TextLines(file.text());
        }

        Migration migration(Version version, String description) {
            for (int i = 0; i < lines.count(); i++) {
                Matcher annotation = ANNOTATION.matcher(lines.line(i));
                if (annotation.matches()) {
                    annotate(i, annotation.group(1).replaceAll("\\s+", " ").toUpperCase(Locale.ROOT));
                } else if (current == null && !TextLines.isCommentOrBlank(lines.line(i))) {
                    throw error(i, "SQL before '-- +goose Up', which goose does not run; move it into a section");
                }
            }
            if (current == null) {
                throw new InputException(file.path() + ": has no '-- +goose Up' line; add one before the up SQL");
            }
            if (blockStart >= 0) {
                throw error(blockStart, "'-- +goose StatementBegin' without '-- +goose StatementEnd'; close the statement");
            }
            flush(lines.count(), ScriptPart.SEMICOLON);
            Optional<Script> downScript = sawDown ? Optional.of(new Script(file.path(), down, transaction)) : Optional.empty();
            return new Migration(version, description, new Script(file.path(), up, transaction), downScript);
        }

        private void annotate(int line, String annotation) {
            boolean inBlock = blockStart >= 0;
            if (annotation.equals("STATEMENTEND")) {
                if (!inBlock) {
                    throw error(line, "'-- +goose StatementEnd' without '-- +goose StatementBegin'; add the begin marker");
                }
                runStart = blockStart + 1;
                flush(line, null);
                blockStart = -1;
                runStart = line + 1;
                return;
            }
            boolean option = annotation.equals("NO TRANSACTION") || annotation.startsWith("ENVSUB ");
            if (inBlock && !option) {
                throw error(line, "'-- +goose " + annotation + "' inside a StatementBegin/StatementEnd block; end the statement first");
            }
            if (!inBlock) {
                flush(line, ScriptPart.SEMICOLON);
                runStart = line + 1;
            }
            switch (annotation) {
                case "UP" -> current = up;
                case "DOWN" -> {
                    requireUp(line, annotation);
                    current = down;
                    sawDown = true;
                }
                case "STATEMENTBEGIN" -> {
                    requireUp(line, annotation);
                    blockStart = line;
                }
                case "NO TRANSACTION" -> transaction = Transaction.none("goose");
                case "ENVSUB ON", "ENVSUB OFF" -> {
                    // accepted, as goose does; no variable is substituted
                }
                default -> throw error(line, "unknown goose annotation '" + annotation + "'; use Up, Down,"
                        + " StatementBegin, StatementEnd or NO TRANSACTION");
            }
        }

        private void requireUp(int line, String annotation) {
            if (current == null) {
                throw error(line, "'-- +goose " + annotation + "' before '-- +goose Up'; put the up section first");
            }
        }

        /** Ends the run of lines before {@code end} as a part of the current section. */
        private void flush(int end, String delimiter) {
            if (current != null) {
                current.addAll(lines.part(runStart, end, delimiter));
            }
        }

        private InputException error(int line, String message) {
            return new InputException(file.path() + ":" + (line + 1) + ": " + message);
        }
    }
}
