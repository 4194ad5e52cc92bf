package dev.schemagate.check;

import dev.schemagate.dialect.DatabaseError;
import dev.schemagate.migration.IgnoredFile;
import dev.schemagate.migration.Location;
import dev.schemagate.migration.Statement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a statement the database refused into a finding that points at the exact file, line and
 * column, quotes the server's message, detail and hint, and shows the lines around it.
 */
public final class StatementFailures {

    public static final String FAILED = "apply.statement-failed";
    public static final String META_COMMAND = "apply.meta-command";
    public static final String NOT_IN_TRANSACTION = "apply.not-in-transaction";
    public static final String IGNORED_FILE = "apply.ignored-file";
    private static final int CONTEXT_LINES = 2;
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    private StatementFailures() {
    }

    static Finding failed(Statement statement, DatabaseError error) {
        int position = error.position() > 0 ? error.position() : positionOfQuotedName(statement.sql(), error.message());
        Location at = locate(statement, position);
        List<String> evidence = new ArrayList<>();
        if (!error.detail().isEmpty()) {
            evidence.add("detail: " + error.detail());
        }
        if (statement.generated()) {
            evidence.add("generated SQL: " + statement.sql());
        }
        evidence.addAll(excerpt(at));
        String hint = error.hint().isEmpty()
                ? "Fix the statement at " + at + " and run again."
                : error.hint();
        String state = error.sqlState().isEmpty() ? "" : " (SQLSTATE " + error.sqlState() + ")";
        return new Finding(FAILED, Severity.ERROR, at, error.message() + state, hint, evidence);
    }

    /**
     * A failure on a database that commits DDL as it goes: the statements before the failed one that
     * it kept, so that nobody takes the migration for undone. The database now holds their changes,
     * and the migration tool will not run them again when the script is fixed and re-run.
     */
    static Finding partlyCommitted(Finding failure, List<Statement> kept, int of) {
        List<Statement> shown = kept.subList(0, Math.min(kept.size(), CONTEXT_LINES * 5));
        List<String> evidence = new ArrayList<>(failure.evidence());
        evidence.add("committed before the failure, and still in the database:");
        for (Statement statement : shown) {
            evidence.add("  line " + statement.location().line() + ": " + firstLine(statement.sql()));
        }
        if (shown.size() < kept.size()) {
            evidence.add("  … and " + (kept.size() - shown.size()) + " more");
        }
        String lines = kept.size() == 1 ? "line " + kept.get(0).location().line()
                : "lines " + kept.get(0).location().line() + "–" + kept.get(kept.size() - 1).location().line();
        return new Finding(failure.ruleId(), failure.severity(), failure.location(), failure.message() + "; "
                + kept.size() + " of the script's " + of + " statements (" + lines + ") ran before it and were committed:"
                + " the database keeps them, as this database commits each schema change as it goes",
                failure.hint() + " The database is left half-migrated: undo the committed statements (or finish the"
                        + " migration by hand) before running it again, and consider one schema change per migration.",
                evidence);
    }

    /**
     * A statement the server refused inside the transaction the migration tool opens around it: the
     * migration will fail when the tool runs it.
     */
    static Finding refused(Statement statement, DatabaseError error, String why, String optOut) {
        Location at = statement.location();
        String hint = optOut.isEmpty()
                ? "The tool has no way to run a migration outside a transaction: do without the statement."
                : "Put the statement in a migration of its own; " + optOut + ".";
        return new Finding(NOT_IN_TRANSACTION, Severity.ERROR, at, error.message() + ", and " + why
                + ": this script will fail when the tool runs it", hint, excerpt(at));
    }

    /** One note a file the migration tool leaves alone, so that nobody wonders why it was not run. */
    public static List<Finding> ignored(List<IgnoredFile> files) {
        return files.stream().map(ignored -> new Finding(IGNORED_FILE, Severity.INFO, Location.of(ignored.file()),
                "not a migration: " + ignored.reason() + ", so it was not run", "", List.of())).toList();
    }

    static Finding metaCommand(Statement statement) {
        return new Finding(META_COMMAND, Severity.ERROR, statement.location(),
                "psql meta-command '" + firstLine(statement.sql()) + "' is not SQL and no server can run it",
                "Remove it from the migration, or write the SQL it stands for.", excerpt(statement.location()));
    }

    /**
     * Where the one name the server quotes in its message ({@code relation "customer" does not
     * exist}) stands in the statement, when it stands there exactly once; else 0. The server gives
     * no position for many errors, and this points at the culprit in most of them.
     */
    static int positionOfQuotedName(String sql, String message) {
        Matcher quoted = QUOTED.matcher(message);
        if (!quoted.find()) {
            return 0;
        }
        String name = quoted.group(1);
        Matcher word = Pattern.compile("(?<![\\w$\"])\"?" + Pattern.quote(name) + "\"?(?![\\w$])",
                Pattern.CASE_INSENSITIVE).matcher(sql);
        if (!word.find()) {
            return 0;
        }
        int first = word.start();
        return word.find() ? 0 : first + 1;
    }

    /** The file location of a 1-based character position inside a statement. */
    static Location locate(Statement statement, int position) {
        Location start = statement.location();
        if (position <= 0 || statement.generated()) {
            return start;
        }
        String sql = statement.sql();
        int end = Math.min(position - 1, sql.length());
        int line = start.line();
        int column = start.column();
        for (int i = 0; i < end; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Location(start.file(), line, column);
    }

    /** The lines around a location, the line itself marked and a caret under its column. */
    static List<String> excerpt(Location at) {
        if (at.file() == null || at.line() <= 0) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(at.file(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        List<String> excerpt = new ArrayList<>();
        int first = Math.max(1, at.line() - CONTEXT_LINES);
        int last = Math.min(lines.size(), at.line() + CONTEXT_LINES);
        int width = String.valueOf(last).length();
        for (int n = first; n <= last; n++) {
            String marker = n == at.line() ? "> " : "  ";
            excerpt.add(marker + String.format("%" + width + "d | ", n) + lines.get(n - 1).replace('\t', ' '));
            if (n == at.line() && at.column() > 0) {
                excerpt.add("  " + " ".repeat(width) + " | " + " ".repeat(at.column() - 1) + "^");
            }
        }
        return excerpt;
    }

    static String firstLine(String sql) {
        String line = sql.strip().lines().findFirst().orElse("");
        return line.length() > 48 ? line.substring(0, 45) + "..." : line;
    }
}
