package dev.schemagate.migration;

import java.util.List;
import java.util.Optional;

/**
 * How the tool that runs a script wraps it in a transaction, so that Schemagate runs it the same
 * way and can tell when a statement will fail in production because the tool's transaction cannot
 * hold it ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, …).
 *
 * @param mode   what the tool does
 * @param tool   who runs the script, for messages ({@code golang-migrate}, {@code diesel}, …)
 * @param optOut how to tell that tool to run a script outside a transaction, for the hint
 */
public record Transaction(Mode mode, String tool, String optOut) {

    /** The ways tools run a script. */
    public enum Mode {
        /** The tool opens a transaction around the whole script. */
        WRAPPED,
        /**
         * The tool opens none but sends the whole script as one simple query, and PostgreSQL runs a
         * query of several statements in one implicit transaction block; a lone statement runs alone.
         */
        ONE_QUERY,
        /** Statement by statement, each committed on its own. */
        NONE,
        /**
         * Flyway: in a transaction, unless every statement must run outside one; a script that mixes
         * both kinds is refused.
         */
        DETECTED,
        /** Flyway with {@code mixed}: in a transaction, unless some statement must run outside one. */
        DETECTED_MIXED
    }

    /** A script the tool runs in one transaction. */
    public static Transaction wrapped(String tool, String optOut) {
        return new Transaction(Mode.WRAPPED, tool, optOut);
    }

    /** A script marked to run outside a transaction, statement by statement. */
    public static Transaction none(String tool) {
        return new Transaction(Mode.NONE, tool, "");
    }

    /** True when the tool may open a transaction for the script (none when it is marked to run outside). */
    public boolean transactional() {
        return mode != Mode.NONE && mode != Mode.ONE_QUERY;
    }

    /** True when these statements of the script run inside one transaction (block) when the tool runs them. */
    public boolean opens(List<Statement> statements) {
        boolean anyOutside = statements.stream().anyMatch(s -> !s.transactional());
        return switch (mode) {
            case WRAPPED -> true;
            case ONE_QUERY -> statements.size() > 1;
            case NONE -> false;
            case DETECTED -> !anyOutside || statements.stream().anyMatch(Statement::transactional);
            case DETECTED_MIXED -> !anyOutside;
        };
    }

    /** The first statement that cannot run inside the transaction the tool will open around it, if any. */
    public Optional<Statement> refused(List<Statement> statements) {
        if (!opens(statements)) {
            return Optional.empty();
        }
        return statements.stream().filter(s -> !s.transactional()).findFirst();
    }

    /**
     * Why the tool puts the statements in a transaction, for the message of a refused statement;
     * {@code oneQuery} says, after "which", what the database does with statements sent as one query.
     */
    public String why(List<Statement> statements, String oneQuery) {
        return switch (mode) {
            case ONE_QUERY -> tool + " sends the file as one query of " + statements.size()
                    + " statements, which " + oneQuery;
            case DETECTED -> tool + " refuses a migration that mixes statements that must run outside a transaction"
                    + " with others (unless mixed is set)";
            default -> tool + " runs the migration in a transaction";
        };
    }

    /** Where the first statement that runs outside a transaction is, and why it runs so; empty when none does. */
    public String autocommitReason(List<Statement> statements) {
        if (opens(statements)) {
            return "";
        }
        if (mode == Mode.NONE) {
            return "the migration is marked to run outside a transaction";
        }
        return statements.stream().filter(s -> !s.transactional()).findFirst()
                .map(s -> "line " + s.location().line() + " cannot run inside a transaction, and " + tool
                        + (mode == Mode.ONE_QUERY ? " sends it alone" : " runs the migration without one"))
                .orElse("");
    }
}
