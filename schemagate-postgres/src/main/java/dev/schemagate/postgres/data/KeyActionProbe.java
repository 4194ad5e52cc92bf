package dev.schemagate.postgres.data;

import dev.schemagate.data.ProbeOutcome;
import dev.schemagate.data.ProbeOutcome.Breach;
import dev.schemagate.data.ProbeOutcome.Kind;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.Identity;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A foreign key's ON DELETE and ON UPDATE actions, tried the same way: a fresh parent row and one
 * fresh child pointing at it are written, then the parent row is deleted, or its key changed, under
 * a savepoint rolled back. {@code CASCADE} must delete the child (or carry the new key to it),
 * {@code SET NULL} and {@code SET DEFAULT} must set the child's key, {@code RESTRICT} and
 * {@code NO ACTION} must refuse with 23503 naming the key.
 */
final class KeyActionProbe {

    /** The write on the parent row whose action is probed. */
    enum Event {
        DELETE(Kind.ON_DELETE, Constraint::onDelete),
        UPDATE(Kind.ON_UPDATE, Constraint::onUpdate);

        private final Kind kind;
        private final Function<Constraint, String> action;

        Event(Kind kind, Function<Constraint, String> action) {
            this.kind = kind;
            this.action = action;
        }

        private String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final ProbeSession session;
    private final Snapshot snapshot;
    private final Values values;
    private final Set<QualifiedName> ruled;
    private final WriteProbe writes;
    private final long seed;

    KeyActionProbe(ProbeSession session, Snapshot snapshot, Values values, Set<QualifiedName> ruled, WriteProbe writes,
                   long seed) {
        this.session = session;
        this.snapshot = snapshot;
        this.values = values;
        this.ruled = ruled;
        this.writes = writes;
        this.seed = seed;
    }

    /**
     * Writes the parent row and the child (the {@code base} row pointing at it, after {@code clear}
     * when that is not null), then deletes or updates the parent row as {@code event} says.
     */
    ProbeOutcome probe(ProbeRow base, Constraint key, Event event, int k, String clear) throws SQLException {
        QualifiedName name = base.table().qualifiedName();
        String action = event.action.apply(key);
        Table parent = snapshot.table(key.referencedTable()).orElse(null);
        String subject = key.name();
        if (parent == null || parent.postgres().partitionOf() != null) {
            return ProbeOutcome.skipped(name, subject, event.kind, "the referenced table is not one the probe writes");
        }
        TablePlan parentPlan = TablePlan.of(parent, values, seed);
        if (!parentPlan.problems().isEmpty() || ruled.contains(parent.qualifiedName())) {
            return ProbeOutcome.skipped(name, subject, event.kind, "the referenced table cannot be given a fresh row");
        }
        String expected = switch (action) {
            case "CASCADE" -> event == Event.DELETE ? "the delete goes through and deletes the child row"
                    : "the update goes through and gives the child row the new key";
            case "SET NULL" -> "the " + event.word() + " goes through and sets the child's key to NULL";
            case "SET DEFAULT" -> "the " + event.word() + " goes through and sets the child's key to its default";
            default -> "the " + event.word() + " is refused with 23503 by " + key.name();
        };
        try {
            return session.rolledBack(() -> {
                ProbeRow parentRow = writes.fresh(parent, parentPlan, k + 10);
                Map<String, String> replaced = new LinkedHashMap<>();
                List<String> match = new ArrayList<>();
                for (int i = 0; i < key.columns().size(); i++) {
                    String referenced = key.referencedColumns().get(i);
                    replaced.put(key.columns().get(i), ProbeRow.literal(base.table(), key.columns().get(i), parentRow.values().get(referenced)));
                    match.add(Quote.ident(referenced) + " = " + parentRow.literal(referenced));
                }
                String change = event == Event.DELETE
                        ? "DELETE FROM " + Quote.name(parent.qualifiedName()) + " WHERE " + String.join(" AND ", match)
                        : update(parent, parentPlan, key, k, match);
                if (clear != null) {
                    session.execute(clear);
                }
                session.rows(base.insert(replaced, true));
                if (key.deferrable()) {
                    session.execute("SET CONSTRAINTS " + ConstraintProbes.qualified(name, key) + " IMMEDIATE");
                }
                String total = "SELECT count(*) FROM " + Quote.name(name);
                long before = Long.parseLong(session.value(total));
                try {
                    return session.rolledBack(() -> {
                        long moved = 0;
                        if (event == Event.DELETE) {
                            session.execute(change);
                        } else {
                            List<List<String>> changed = session.rows(change);
                            if (changed.isEmpty()) {
                                return ProbeOutcome.skipped(name, subject, event.kind, "the update changed no row of "
                                        + parent.qualifiedName() + " (a trigger or rule on it dropped the update)");
                            }
                            moved = moved(base.table(), key, changed.get(0));
                        }
                        Counts counts = new Counts(before, Long.parseLong(session.value(total)),
                                Long.parseLong(session.value(pointing(name, replaced))), moved);
                        return judge(name, key, event, change, expected, counts, parent.qualifiedName().equals(name));
                    });
                } catch (SQLException failure) {
                    ProbeSession.Refusal refusal = ProbeSession.Refusal.of(failure);
                    boolean byKey = "23503".equals(refusal.sqlState()) && key.name().equals(refusal.constraint());
                    if (byKey && (action.equals("RESTRICT") || action.equals("NO ACTION"))) {
                        return ProbeOutcome.held(name, subject, event.kind, change, expected, refusal.toString());
                    }
                    if (byKey && action.equals("SET DEFAULT")) {
                        return ProbeOutcome.broken(name, subject, event.kind, change, expected, Breach.ACTION,
                                "the key's default points at no row of " + parent.qualifiedName() + ", so the "
                                        + event.word() + " fails: " + refusal);
                    }
                    return ProbeOutcome.skipped(name, subject, event.kind, "the " + event.word() + " was refused for another reason: " + refusal);
                }
            });
        } catch (SQLException failure) {
            return ProbeOutcome.skipped(name, subject, event.kind, "a fresh parent and child row could not be written: "
                    + ProbeSession.Refusal.of(failure).message());
        }
    }

    /**
     * The UPDATE giving the parent row a key no row holds: an identity column always generated takes
     * its next value, any other the value of a second fresh row, written and rolled back.
     */
    private String update(Table parent, TablePlan parentPlan, Constraint key, int k, List<String> match) throws SQLException {
        ProbeRow other = session.rolledBack(() -> writes.fresh(parent, parentPlan, k + 11));
        List<String> sets = new ArrayList<>();
        for (String referenced : key.referencedColumns()) {
            Identity identity = parent.column(referenced).orElseThrow().identity();
            boolean always = identity != null && identity.generation() == Identity.Generation.ALWAYS;
            sets.add(Quote.ident(referenced) + " = " + (always ? "DEFAULT" : other.literal(referenced)));
        }
        return "UPDATE " + Quote.name(parent.qualifiedName()) + " SET " + String.join(", ", sets) + " WHERE "
                + String.join(" AND ", match) + " RETURNING "
                + key.referencedColumns().stream().map(c -> Quote.ident(c) + "::text").collect(Collectors.joining(", "));
    }

    private static String pointing(QualifiedName table, Map<String, String> key) {
        return "SELECT count(*) FROM " + Quote.name(table) + " WHERE " + key.entrySet().stream()
                .map(e -> Quote.ident(e.getKey()) + " = " + e.getValue()).collect(Collectors.joining(" AND "));
    }

    /** How many rows of the child table point at the parent row's new key. */
    private long moved(Table child, Constraint key, List<String> newKey) throws SQLException {
        Map<String, String> literals = new LinkedHashMap<>();
        for (int i = 0; i < key.columns().size(); i++) {
            literals.put(key.columns().get(i), ProbeRow.literal(child, key.columns().get(i), newKey.get(i)));
        }
        return Long.parseLong(session.value(pointing(child.qualifiedName(), literals)));
    }

    /** The child table's rows before and after the parent's change, those still at the old key, and those at the new one. */
    private record Counts(long before, long after, long left, long moved) {
    }

    private static ProbeOutcome judge(QualifiedName name, Constraint key, Event event, String change, String expected,
                                      Counts counts, boolean self) {
        String action = event.action.apply(key);
        String seen = "the " + event.word() + " went through; rows of " + name + " " + counts.before() + " → "
                + counts.after() + ", rows still pointing at the " + (event == Event.DELETE ? "deleted row" : "old key")
                + ": " + counts.left() + (event == Event.UPDATE ? ", at the new key: " + counts.moved() : "");
        long parentRows = self && event == Event.DELETE ? 1 : 0;
        boolean held = switch (action) {
            case "CASCADE" -> counts.left() == 0 && (event == Event.DELETE
                    ? counts.after() <= counts.before() - 1 - parentRows
                    : counts.moved() >= 1 && counts.after() == counts.before());
            case "SET NULL", "SET DEFAULT" -> counts.left() == 0 && counts.after() == counts.before() - parentRows;
            default -> false;
        };
        return held ? ProbeOutcome.held(name, key.name(), event.kind, change, expected, seen)
                : ProbeOutcome.broken(name, key.name(), event.kind, change, expected, Breach.ACTION, seen);
    }
}
