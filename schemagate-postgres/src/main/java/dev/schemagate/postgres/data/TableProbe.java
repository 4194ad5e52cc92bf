package dev.schemagate.postgres.data;

import dev.schemagate.data.ProbeOutcome;
import dev.schemagate.data.ProbeOutcome.Breach;
import dev.schemagate.data.ProbeOutcome.Kind;
import dev.schemagate.model.Column;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The probes of one table at a time, sharing the session and what is known of the schema. */
final class TableProbe {

    /** Fixed, so two probe runs of one schema try the same rows. */
    private static final long SEED = 42;

    private final ProbeSession session;
    private final Snapshot snapshot;
    private final Map<QualifiedName, String> rules;
    private final Values values;
    private final Candidates candidates;
    private final WriteProbe writes;
    private final KeyActionProbe actions;
    private final BreakingValues breakers;
    /** For the table being probed, what takes its kept row out of the way of a probe's row, or null. */
    private String clear;
    /** When there is a {@link #clear}, the key the seeder's rows repeat, and the insert of a second row that repeats it. */
    private String repeated;
    private String repeating;

    TableProbe(ProbeSession session, Snapshot snapshot, Map<QualifiedName, String> rules) {
        this.session = session;
        this.snapshot = snapshot;
        this.rules = rules;
        this.values = new Values(snapshot);
        this.candidates = new Candidates(snapshot);
        this.writes = new WriteProbe(session);
        this.breakers = new BreakingValues(session, candidates);
        this.actions = new KeyActionProbe(session, snapshot, values, rules.keySet(), writes, SEED);
    }

    List<ProbeOutcome> run(Table table) throws SQLException {
        List<ProbeOutcome> out = new ArrayList<>();
        QualifiedName name = table.qualifiedName();
        TablePlan plan = TablePlan.of(table, values, SEED);
        if (!plan.problems().isEmpty()) {
            out.add(ProbeOutcome.skipped(name, name.name(), Kind.WRITE, String.join("; ", plan.problems())));
            return out;
        }
        if (rules.containsKey(name)) {
            out.add(writes.withRules(table, plan, rules.get(name)));
            return out;
        }
        WriteProbe.Written written = writes.write(table, plan, out);
        if (table.postgres().rowSecurity()) {
            out.add(writes.rowSecurity(table, plan));
        }
        if (written == null) {
            return out;
        }
        ProbeRow base;
        clear = null;
        try {
            base = session.rolledBack(() -> writes.fresh(table, plan, written.next()));
        } catch (SQLException failure) {
            ProbeSession.Refusal refusal = ProbeSession.Refusal.of(failure);
            Optional<Constraint> key = table.constraints().stream().filter(c -> c.name().equals(refusal.constraint())).findFirst();
            if (!"23505".equals(refusal.sqlState()) || key.isEmpty() || key.get().columns().isEmpty()) {
                out.add(ProbeOutcome.skipped(name, name.name(), Kind.WRITE, "a second valid row for the constraint probes: "
                        + refusal));
                return out;
            }
            // Every row the seeder makes takes the same referenced rows, so the key (made of foreign
            // keys) repeats: the probes start from the kept row, taken out of the way first.
            base = written.row();
            ProbeRow kept = base;
            repeated = key.get().name();
            repeating = WriteProbe.insert(table, plan, session.rolledBack(() -> writes.wanted(table, plan, written.next())));
            clear = "DELETE FROM " + Quote.name(name) + " WHERE " + key.get().columns().stream()
                    .map(c -> Quote.ident(c) + " = " + kept.literal(c)).collect(Collectors.joining(" AND "));
        }
        for (Column column : ProbeRow.writable(table)) {
            if (column.notNull()) {
                out.add(notNull(base, column));
            }
        }
        for (Constraint constraint : table.constraints()) {
            switch (constraint.type()) {
                case CHECK -> out.add(check(base, constraint));
                case UNIQUE, PRIMARY_KEY, EXCLUSION -> out.addAll(duplicate(base, constraint));
                case FOREIGN_KEY -> {
                    out.addAll(orphan(base, constraint));
                    out.add(actions.probe(base, constraint, KeyActionProbe.Event.DELETE, written.next() + 1, clear));
                    out.add(actions.probe(base, constraint, KeyActionProbe.Event.UPDATE, written.next() + 1, clear));
                }
            }
        }
        for (Column column : ProbeRow.writable(table)) {
            out.addAll(domain(base, column));
        }
        return out;
    }

    private ProbeOutcome notNull(ProbeRow base, Column column) throws SQLException {
        QualifiedName name = base.table().qualifiedName();
        Map<String, String> replaced = Map.of(column.name(), "NULL");
        String insert = base.insert(replaced, true);
        String expected = "refused with 23502 (not_null_violation) on " + column.name();
        Attempt attempt = attempt(insert, null);
        if (attempt.refusal() == null) {
            return ProbeOutcome.held(name, column.name(), Kind.NOT_NULL, insert, expected,
                    "a trigger filled it in before the check (stored " + attempt.stored() + ")");
        }
        return judged(name, column.name(), Kind.NOT_NULL, insert, expected, attempt.refusal(), "23502",
                column.name().equals(attempt.refusal().column()));
    }

    private ProbeOutcome check(ProbeRow base, Constraint constraint) throws SQLException {
        QualifiedName name = base.table().qualifiedName();
        if (constraint.definition().contains("NOT ENFORCED")) {
            return ProbeOutcome.skipped(name, constraint.name(), Kind.CHECK, "declared NOT ENFORCED");
        }
        String expression = CheckExpression.of(constraint.definition());
        List<String> others = base.table().constraints().stream()
                .filter(c -> c.type() == Constraint.Type.CHECK && !c.name().equals(constraint.name()))
                .map(c -> CheckExpression.of(c.definition())).filter(e -> e != null).toList();
        if (expression == null) {
            return ProbeOutcome.skipped(name, constraint.name(), Kind.CHECK, "its expression could not be read");
        }
        Optional<Map.Entry<String, String>> breaking = breakers.check(base, expression, others);
        if (breaking.isEmpty()) {
            return ProbeOutcome.skipped(name, constraint.name(), Kind.CHECK,
                    "no value the probe tries breaks it alone, so it is not probed");
        }
        Map<String, String> replaced = Map.of(breaking.get().getKey(),
                ProbeRow.literal(base.table(), breaking.get().getKey(), breaking.get().getValue()));
        String insert = base.insert(replaced, true);
        String expected = "refused with 23514 (check_violation) by " + constraint.name();
        Attempt attempt = attempt(insert, null);
        if (attempt.refusal() == null) {
            return acceptedOrRewritten(name, constraint.name(), Kind.CHECK, insert, expected,
                    List.of(breaking.get().getValue()), attempt.stored(), "");
        }
        return judged(name, constraint.name(), Kind.CHECK, insert, expected, attempt.refusal(), "23514",
                constraint.name().equals(attempt.refusal().constraint()));
    }

    /** A row with the key of a row the table holds: refused by a unique key, primary key or exclusion constraint. */
    private List<ProbeOutcome> duplicate(ProbeRow base, Constraint constraint) throws SQLException {
        QualifiedName name = base.table().qualifiedName();
        Kind kind = switch (constraint.type()) {
            case PRIMARY_KEY -> Kind.PRIMARY_KEY;
            case EXCLUSION -> Kind.EXCLUSION;
            default -> Kind.UNIQUE;
        };
        String code = kind == Kind.EXCLUSION ? "23P01" : "23505";
        ExclusionPredicate inside = kind == Kind.EXCLUSION ? ExclusionPredicate.of(constraint.definition()) : null;
        if (constraint.columns().isEmpty() || kind == Kind.EXCLUSION && inside == null) {
            return List.of(ProbeOutcome.skipped(name, constraint.name(), kind, "a copy of a row's key is not sure to break it "
                    + "(an expression, an operator other than = and &&, or a WHERE clause the probe cannot put a row inside)"));
        }
        String columns = constraint.columns().stream().map(Quote::ident).collect(Collectors.joining(", "));
        String present = constraint.columns().stream().map(c -> Quote.ident(c) + " IS NOT NULL").collect(Collectors.joining(" AND "));
        List<List<String>> held = session.rows("SELECT " + constraint.columns().stream().map(c -> Quote.ident(c) + "::text")
                .collect(Collectors.joining(", ")) + " FROM " + Quote.name(name) + " WHERE " + present + " LIMIT 1");
        if (held.isEmpty()) {
            return List.of(ProbeOutcome.skipped(name, constraint.name(), kind, "no row holds a whole key (" + columns + ") to copy"));
        }
        Map<String, String> replaced = new LinkedHashMap<>();
        for (int i = 0; i < constraint.columns().size(); i++) {
            replaced.put(constraint.columns().get(i), ProbeRow.literal(base.table(), constraint.columns().get(i), held.get(0).get(i)));
        }
        if (inside != null && inside.partial()) {
            return List.of(insidePredicate(base, constraint, replaced, inside));
        }
        String insert = constraint.name().equals(repeated) && clear != null
                ? repeating.replaceFirst(" RETURNING .*$", "") + " RETURNING " + constraint.columns().stream()
                .map(c -> Quote.ident(c) + "::text").collect(Collectors.joining(", "))
                : base.insert(replaced, true);
        String expected = "refused with " + code + " by " + constraint.name();
        List<ProbeOutcome> out = new ArrayList<>();
        Attempt attempt = attempt(insert, constraint.deferrable() ? ConstraintProbes.qualified(name, constraint) : null, false);
        out.add(attempt.refusal() == null
                ? acceptedOrRewritten(name, constraint.name(), kind, insert, expected, held.get(0), attempt.stored(), "")
                : judged(name, constraint.name(), kind, insert, expected, attempt.refusal(), code,
                constraint.name().equals(attempt.refusal().constraint())));
        if (constraint.deferrable()) {
            out.add(deferral(name, constraint, insert, code, false));
        }
        return out;
    }

    /**
     * A partial exclusion constraint: the row holding the key is put inside the WHERE clause,
     * then a row with the same key, inside it too, must be refused with 23P01.
     */
    private ProbeOutcome insidePredicate(ProbeRow base, Constraint constraint, Map<String, String> key,
                                         ExclusionPredicate inside) throws SQLException {
        QualifiedName name = base.table().qualifiedName();
        String update = "UPDATE " + Quote.name(name) + " SET " + Quote.ident(inside.column()) + " = " + inside.value()
                + " WHERE " + key.entrySet().stream().map(e -> Quote.ident(e.getKey()) + " = " + e.getValue())
                .collect(Collectors.joining(" AND ")) + " RETURNING (" + inside.predicate() + ")::text";
        Map<String, String> row = new LinkedHashMap<>(key);
        row.put(inside.column(), inside.value());
        String insert = base.insert(row, true) + ", (" + inside.predicate() + ")::text";
        String tried = update + "; " + insert;
        String expected = "refused with 23P01 by " + constraint.name();
        try {
            return session.rolledBack(() -> {
                List<List<String>> moved = session.rows(update);
                if (moved.isEmpty() || moved.stream().anyMatch(r -> !"true".equals(r.get(0)))) {
                    return ProbeOutcome.skipped(name, constraint.name(), Kind.EXCLUSION,
                            "the row holding the key could not be put inside the WHERE clause");
                }
                Attempt attempt = attempt(insert, constraint.deferrable() ? ConstraintProbes.qualified(name, constraint) : null, false);
                if (attempt.refusal() != null) {
                    return judged(name, constraint.name(), Kind.EXCLUSION, tried, expected, attempt.refusal(), "23P01",
                            constraint.name().equals(attempt.refusal().constraint()));
                }
                if (attempt.stored() == null || !"true".equals(attempt.stored().get(attempt.stored().size() - 1))) {
                    return ProbeOutcome.skipped(name, constraint.name(), Kind.EXCLUSION,
                            "the row was not stored inside the WHERE clause (a trigger changed it, or see the write probe)");
                }
                return ProbeOutcome.broken(name, constraint.name(), Kind.EXCLUSION, tried, expected, Breach.ACCEPTED,
                        "accepted, both rows inside the WHERE clause");
            });
        } catch (SQLException failure) {
            return ProbeOutcome.skipped(name, constraint.name(), Kind.EXCLUSION,
                    "the row holding the key could not be put inside the WHERE clause: " + ProbeSession.Refusal.of(failure));
        }
    }

    /** A row whose key points at no row of the referenced table: refused with 23503 by the key. */
    private List<ProbeOutcome> orphan(ProbeRow base, Constraint key) throws SQLException {
        QualifiedName name = base.table().qualifiedName();
        Table parent = snapshot.table(key.referencedTable()).orElse(null);
        if (parent == null) {
            return List.of(ProbeOutcome.skipped(name, key.name(), Kind.FOREIGN_KEY, "the referenced table is not in the schema read"));
        }
        Map<String, String> replaced = breakers.orphanKey(base, key, parent);
        if (replaced == null) {
            return List.of(ProbeOutcome.skipped(name, key.name(), Kind.FOREIGN_KEY,
                    "no value the probe tries points nowhere while keeping the row's other constraints"));
        }
        String insert = base.insert(replaced, true);
        String expected = "refused with 23503 (foreign_key_violation) by " + key.name();
        List<ProbeOutcome> out = new ArrayList<>();
        Attempt attempt = attempt(insert, key.deferrable() ? ConstraintProbes.qualified(name, key) : null);
        if (attempt.refusal() == null) {
            String why = disabledTriggers(name, key) ? "; the key's triggers are disabled (ALTER TABLE ... DISABLE TRIGGER)" : "";
            String valid = key.validated() ? "" : "; a NOT VALID key still checks new rows, so that is not why";
            out.add(acceptedOrRewritten(name, key.name(), Kind.FOREIGN_KEY, insert, expected,
                    unquoted(replaced), attempt.stored(), why + valid));
        } else {
            out.add(judged(name, key.name(), Kind.FOREIGN_KEY, insert, expected, attempt.refusal(), "23503",
                    key.name().equals(attempt.refusal().constraint())));
        }
        if (key.deferrable()) {
            out.add(deferral(name, key, insert, "23503", true));
        }
        return out;
    }

    private boolean disabledTriggers(QualifiedName table, Constraint key) throws SQLException {
        return "t".equals(session.value("SELECT bool_or(t.tgenabled = 'D') FROM pg_trigger t JOIN pg_constraint c ON c.oid = t.tgconstraint"
                + " WHERE c.conname = " + Quote.literal(key.name()) + " AND c.conrelid = " + Quote.literal(Quote.name(table)) + "::regclass"));
    }

    /** A deferrable constraint lets the breaking row in while deferred, and refuses it once made immediate. */
    private ProbeOutcome deferral(QualifiedName name, Constraint constraint, String insert, String code, boolean clearFirst)
            throws SQLException {
        String qualified = ConstraintProbes.qualified(name, constraint);
        String expected = "accepted while deferred, refused with " + code + " at SET CONSTRAINTS ... IMMEDIATE";
        return session.rolledBack(() -> {
            if (clearFirst && clear != null) {
                session.execute(clear);
            }
            session.execute("SET CONSTRAINTS " + qualified + " DEFERRED");
            try {
                session.rows(insert);
            } catch (SQLException failure) {
                return ProbeOutcome.skipped(name, constraint.name(), Kind.DEFERRAL, "refused at once while deferred: "
                        + ProbeSession.Refusal.of(failure));
            }
            try {
                session.execute("SET CONSTRAINTS " + qualified + " IMMEDIATE");
            } catch (SQLException failure) {
                ProbeSession.Refusal refusal = ProbeSession.Refusal.of(failure);
                return code.equals(refusal.sqlState()) && constraint.name().equals(refusal.constraint())
                        ? ProbeOutcome.held(name, constraint.name(), Kind.DEFERRAL, insert, expected, refusal.toString())
                        : ProbeOutcome.skipped(name, constraint.name(), Kind.DEFERRAL, "refused for another reason: " + refusal);
            }
            return ProbeOutcome.broken(name, constraint.name(), Kind.DEFERRAL, insert, expected, Breach.ACCEPTED,
                    "accepted, and still accepted once the constraint was made immediate");
        });
    }

    /** A column of a domain type: a value the domain's CHECK refuses is refused on the way in, with 23514. */
    private List<ProbeOutcome> domain(ProbeRow base, Column column) throws SQLException {
        TypeName type = TypeName.parse(column.type());
        if (type.user() == null || type.isArray() || snapshot.postgres().domain(type.user()).isEmpty()) {
            return List.of();
        }
        QualifiedName name = base.table().qualifiedName();
        var domain = snapshot.postgres().domain(type.user()).get();
        List<ProbeOutcome> out = new ArrayList<>();
        for (var constraint : domain.constraints()) {
            if (!constraint.definition().startsWith("CHECK")) {
                continue;
            }
            String subject = type.user() + "." + constraint.name() + " (column " + column.name() + ")";
            String value = null;
            for (String candidate : candidates.of(column.type())) {
                try {
                    session.rolledBack(() -> session.value("SELECT " + Quote.literal(candidate) + "::" + column.type()));
                } catch (SQLException refused) {
                    ProbeSession.Refusal refusal = ProbeSession.Refusal.of(refused);
                    if ("23514".equals(refusal.sqlState()) && constraint.name().equals(refusal.constraint())) {
                        value = candidate;
                        break;
                    }
                }
            }
            if (value == null) {
                out.add(ProbeOutcome.skipped(name, subject, Kind.DOMAIN, "no value the probe tries breaks it"));
                continue;
            }
            String insert = base.insert(Map.of(column.name(), Quote.literal(value) + "::" + domain.baseType()), true);
            String expected = "refused with 23514 (check_violation) by " + constraint.name();
            Attempt attempt = attempt(insert, null);
            out.add(attempt.refusal() == null
                    ? acceptedOrRewritten(name, subject, Kind.DOMAIN, insert, expected, List.of(value), attempt.stored(), "")
                    : judged(name, subject, Kind.DOMAIN, insert, expected, attempt.refusal(), "23514",
                    constraint.name().equals(attempt.refusal().constraint())));
        }
        return out;
    }

    /** What an insert that should be refused did: the stored values of the changed columns, or the refusal. */
    private record Attempt(List<String> stored, ProbeSession.Refusal refusal) {
    }

    /** Tries the insert, with the named deferrable constraint (if any) checked at once. */
    private Attempt attempt(String insert, String immediate) throws SQLException {
        return attempt(insert, immediate, true);
    }

    private Attempt attempt(String insert, String immediate, boolean clearFirst) throws SQLException {
        try {
            return session.rolledBack(() -> {
                if (clearFirst && clear != null) {
                    session.execute(clear);
                }
                if (immediate != null) {
                    session.execute("SET CONSTRAINTS " + immediate + " IMMEDIATE");
                }
                List<List<String>> rows = session.rows(insert);
                return new Attempt(rows.isEmpty() ? null : rows.get(0), null);
            });
        } catch (SQLException failure) {
            return new Attempt(null, ProbeSession.Refusal.of(failure));
        }
    }

    private static ProbeOutcome judged(QualifiedName table, String subject, Kind kind, String insert, String expected,
                                       ProbeSession.Refusal refusal, String code, boolean named) {
        if (code.equals(refusal.sqlState()) && named) {
            return ProbeOutcome.held(table, subject, kind, insert, expected, refusal.toString());
        }
        return ProbeOutcome.skipped(table, subject, kind, "another rule refused the row first, so this one is not "
                + "proven: " + refusal);
    }

    /** A breaking row went in: broken when it is stored as written, held when a trigger changed it first. */
    private static ProbeOutcome acceptedOrRewritten(QualifiedName table, String subject, Kind kind, String insert,
                                                    String expected, List<String> written, List<String> stored,
                                                    String why) {
        if (stored == null) {
            return ProbeOutcome.skipped(table, subject, kind, "the insert stored no row (see the table's write probe)");
        }
        if (!written.equals(stored)) {
            return ProbeOutcome.held(table, subject, kind, insert, expected,
                    "a trigger changed the row before the check: stored " + stored);
        }
        return ProbeOutcome.broken(table, subject, kind, insert, expected, Breach.ACCEPTED,
                "accepted and stored as written" + why);
    }

    private static List<String> unquoted(Map<String, String> literals) {
        return literals.values().stream().map(TableProbe::textOf).toList();
    }

    /** The text inside a literal written by {@link ProbeRow#literal}, null for NULL. */
    private static String textOf(String literal) {
        if (literal.startsWith("NULL::")) {
            return null;
        }
        int end = literal.lastIndexOf("'::");
        return literal.substring(1, end).replace("''", "'");
    }
}
