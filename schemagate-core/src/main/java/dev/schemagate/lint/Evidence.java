package dev.schemagate.lint;

import dev.schemagate.dialect.Capabilities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes what the database showed as evidence lines: rewrites, locks, indexes built, timing. What a
 * statement run outside a transaction means for its locks depends on the database, so the
 * dialect's capabilities are asked rather than assumed.
 */
final class Evidence {

    private Evidence() {
    }

    /**
     * @param capabilities the dialect's: where DDL is transactional, locks are read before the
     *                     transaction commits, so a statement run outside one had its locks released
     *                     unread; where it is not, every DDL statement commits on its own and the
     *                     dialect's observer reads its locks its own way and says so in its notes
     */
    static List<String> lines(Observation observed, String table, Capabilities capabilities) {
        if (observed == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        String ms = observed.duration().toMillis() + " ms";
        for (String rewritten : observed.rewrites()) {
            lines.add("observed: rewrote " + rewritten + " — " + rows(observed, rewritten) + ", " + ms
                    + observed.readsBlockedBy(rewritten).map(mode -> " — under " + mode).orElse(""));
        }
        for (String index : observed.indexesBuilt()) {
            lines.add("observed: built index " + index + " in " + ms);
        }
        if (!observed.locks().isEmpty()) {
            lines.add("observed: held " + describe(observed.locks()));
        }
        if (!observed.heldBefore().isEmpty()) {
            lines.add("observed: already held from earlier in the transaction: " + describe(observed.heldBefore()));
        }
        if (!observed.inTransaction() && capabilities.transactionalDdl()) {
            lines.add("observed: ran outside a transaction, so its locks were released before they could be read");
        }
        lines.addAll(observed.notes());
        if (table != null && observed.rows().containsKey(table) && observed.rewrites().isEmpty()) {
            lines.add("observed: took " + ms + " on " + table + " with " + rows(observed, table));
        } else if (observed.rewrites().isEmpty()) {
            lines.add("observed: took " + ms);
        }
        return lines;
    }

    private static String describe(List<Observation.LockHeld> locks) {
        return locks.stream().map(l -> l.mode() + " on " + l.table()).distinct().collect(Collectors.joining(", "));
    }

    private static String rows(Observation observed, String table) {
        Long count = observed.rows().get(table);
        return count == null ? "row count unknown" : String.format(Locale.ROOT, "%,d rows", count);
    }
}
