package dev.schemagate.postgres;

import dev.schemagate.migration.ScriptPart;
import dev.schemagate.migration.Statement;
import dev.schemagate.migration.StatementSplitter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Splits PostgreSQL scripts into statements the way {@code psql -f} runs them, so that a migration
 * is checked statement by statement as its tool would apply it, and every message can point at the
 * line and column where a statement starts.
 *
 * <ul>
 *   <li>With the {@code ;} delimiter, a semicolon ends a statement unless it is inside quotes,
 *       a comment, parentheses or a {@code BEGIN ... END} routine body (psql's rules). Another
 *       delimiter is matched literally outside quotes and comments (see {@link EndDelimiter});
 *       with none, the part is one statement.</li>
 *   <li>A statement's text runs from its first to its last character that is not blank or
 *       comment, without the delimiter. Empty and comment-only statements are dropped; text after
 *       the last delimiter is a statement.</li>
 *   <li>{@code COPY ... FROM stdin} carries the data lines that follow it up to {@code \.}; a
 *       backslash outside quotes is a psql meta-command running to the end of its line, returned
 *       as such for the caller to refuse.</li>
 *   <li>Statements PostgreSQL refuses inside a transaction block are marked non-transactional
 *       (see {@link StatementKeywords}).</li>
 * </ul>
 *
 * <p>The splitter may be shared; it reads each part once, in time proportional to its length, and
 * remembers the statements while the part is in use.
 */
public final class PostgresSplitter implements StatementSplitter {

    /**
     * The parts split so far, kept while their migrations are: a verify run asks for the statements of
     * each script several times (to run it, to know whether it fits a transaction, to judge it).
     */
    private final Map<ScriptPart, Split> splits = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * {@inheritDoc}
     *
     * @throws dev.schemagate.migration.InputException when text follows {@code COPY ... FROM stdin;}
     *         on its line, which psql would run out of order, or when a quote, dollar quote or block
     *         comment is never closed, which the server would refuse (or, for a comment, skip the rest)
     */
    @Override
    public List<Statement> split(Path file, ScriptPart part) {
        Split split = splits.get(part);
        if (split == null || !split.file().equals(file)) {
            split = new Split(file, List.copyOf(new StatementScanner(file, part).scan()));
            splits.put(part, split);
        }
        return split.statements();
    }

    /** The statements of a part, and the file they were located in. */
    private record Split(Path file, List<Statement> statements) {
    }
}
