package dev.schemagate.dialect;

/**
 * The words a dialect lends core's messages, so that core names no database itself: the product's
 * name, and how the dialect spells what core reports in neutral terms.
 *
 * @param product           the database's name for people ({@code PostgreSQL})
 * @param invalidIndexCause what leaves an index invalid on it, for the advice on one; empty when none is known
 * @param unvalidated       how it names a constraint added without checking the rows already there ({@code NOT VALID})
 */
public record Vocabulary(String product, String invalidIndexCause, String unvalidated) {

    /** The words of a dialect that lends none: its id as the product's name, neutral terms otherwise. */
    public static Vocabulary plain(String id) {
        return new Vocabulary(id, "", "not validated");
    }
}
