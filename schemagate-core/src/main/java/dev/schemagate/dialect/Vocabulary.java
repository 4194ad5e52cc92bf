package dev.schemagate.dialect;

/**
 * The words a dialect lends core's messages and placeholders, so that core names no database
 * itself: how the dialect spells what core reports in neutral terms.
 *
 * @param invalidIndexCause what leaves an index invalid on it, for the advice on one; empty when none is known
 * @param unvalidated       how it names a constraint added without checking the rows already there ({@code NOT VALID})
 * @param validate          the statement that checks such a constraint's rows, {@code %s} standing for its name;
 *                          empty when the dialect has none
 * @param oneQuery          what becomes of several statements a tool sends as one query, after "which"
 *                          ({@code PostgreSQL runs in one implicit transaction block})
 * @param scratchUser       the user a scratch database is reached as, for Flyway's {@code ${flyway:user}}; empty when unknown
 * @param scratchDatabase   a scratch database's name, for Flyway's {@code ${flyway:database}}; empty when it varies
 * @param scratchSchema     the schema a scratch database's tables go in when a statement names none, for
 *                          Flyway's {@code ${flyway:defaultSchema}}; empty when it varies
 */
public record Vocabulary(String invalidIndexCause, String unvalidated, String validate, String oneQuery,
                         String scratchUser, String scratchDatabase, String scratchSchema) {

    /** The words of a dialect that lends none: neutral terms, no scratch user or database name. */
    public static Vocabulary plain() {
        return new Vocabulary("", "not validated", "", "are tried here in one transaction", "", "", "");
    }

    /** The advice to validate constraint {@code name}: the dialect's statement when it has one. */
    public String validating(String name) {
        return validate.isEmpty() ? "add a migration that checks its rows" : "add a migration that runs " + validate.formatted(name);
    }
}
