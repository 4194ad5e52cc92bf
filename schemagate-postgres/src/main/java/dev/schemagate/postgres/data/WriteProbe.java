package dev.schemagate.postgres.data;

import dev.schemagate.data.ProbeOutcome;
import dev.schemagate.data.ProbeOutcome.Breach;
import dev.schemagate.data.ProbeOutcome.Kind;
import dev.schemagate.model.Enablement;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Table;
import dev.schemagate.model.Trigger;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The constraint probes' writes of a valid row: the seeder's row for a table goes in and is kept
 * (later tables point at it), and must be stored as written; a table with INSERT rules must store
 * it; a table with row security must admit it from a role its policies name.
 */
final class WriteProbe {

    private final ProbeSession session;

    WriteProbe(ProbeSession session) {
        this.session = session;
    }

    /** The row number the valid row was written with (the next one is free for fresh rows), and the row as stored. */
    record Written(int k, ProbeRow row) {
        int next() {
            return k + 1;
        }
    }

    /** Writes a valid row and keeps it; says whether it went in as written. Null when it did not go in. */
    Written write(Table table, TablePlan plan, List<ProbeOutcome> out) throws SQLException {
        QualifiedName name = table.qualifiedName();
        ProbeSession.Refusal refusal = null;
        for (int tried = 0; tried < 3; tried++) {
            int k = tried;
            List<String> wanted;
            try {
                wanted = session.rolledBack(() -> wanted(table, plan, k));
            } catch (SQLException failure) {
                out.add(ProbeOutcome.skipped(name, name.name(), Kind.WRITE, "the seeder's row could not be built: "
                        + ProbeSession.Refusal.of(failure).message()));
                return null;
            }
            String insert = insert(table, plan, wanted);
            try {
                List<List<String>> stored = session.keptIfDone(() -> session.rows(insert));
                out.add(judgeWrite(table, plan, insert, wanted, stored));
                return stored.isEmpty() ? null : new Written(k, ProbeRow.of(table, stored.get(0)));
            } catch (SQLException failure) {
                refusal = ProbeSession.Refusal.of(failure);
                if (!"23505".equals(refusal.sqlState())) {
                    out.add(refusedWrite(table, insert, refusal));
                    return null;
                }
            }
        }
        out.add(ProbeOutcome.skipped(name, name.name(), Kind.WRITE, "every row tried matched a key the table's rows already hold: "
                + refusal.message()));
        return null;
    }

    /** The values the seeder's plan gives row {@code k}, as text of each target column's type. */
    List<String> wanted(Table table, TablePlan plan, int k) throws SQLException {
        if (plan.targets().isEmpty()) {
            return List.of();
        }
        String columns = plan.targets().stream().map(Quote::ident).collect(Collectors.joining(", "));
        String casts = plan.targets().stream().map(c -> "s." + Quote.ident(c) + "::" + table.column(c).orElseThrow().type() + "::text")
                .collect(Collectors.joining(", "));
        return session.rows("SELECT " + casts + " FROM (" + InsertSql.select(plan, List.of(k)) + ") AS s(" + columns + ")").get(0);
    }

    /** Writes row {@code k} of the seeder's plan and returns it as stored: a valid row other than the kept one. */
    ProbeRow fresh(Table table, TablePlan plan, int k) throws SQLException {
        return ProbeRow.of(table, session.rows(insert(table, plan, wanted(table, plan, k))).get(0));
    }

    static String insert(Table table, TablePlan plan, List<String> wanted) {
        String returning = " RETURNING " + ProbeRow.asText(ProbeRow.writable(table), "");
        if (plan.targets().isEmpty()) {
            return "INSERT INTO " + Quote.name(table.qualifiedName()) + " DEFAULT VALUES" + returning;
        }
        List<String> literals = new ArrayList<>();
        for (int i = 0; i < plan.targets().size(); i++) {
            literals.add(ProbeRow.literal(table, plan.targets().get(i), wanted.get(i)));
        }
        return "INSERT INTO " + Quote.name(table.qualifiedName()) + " ("
                + plan.targets().stream().map(Quote::ident).collect(Collectors.joining(", ")) + ") VALUES ("
                + String.join(", ", literals) + ")" + returning;
    }

    private ProbeOutcome judgeWrite(Table table, TablePlan plan, String insert, List<String> wanted,
                                    List<List<String>> stored) {
        QualifiedName name = table.qualifiedName();
        String expected = "the row is stored as written";
        if (stored.isEmpty()) {
            return ProbeOutcome.broken(name, name.name(), Kind.WRITE, insert, expected, Breach.LOST,
                    "INSERT 0 0: no row stored" + triggers(table, "BEFORE"));
        }
        ProbeRow row = ProbeRow.of(table, stored.get(0));
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < plan.targets().size(); i++) {
            String column = plan.targets().get(i);
            String written = wanted.get(i);
            String kept = row.values().get(column);
            if (written == null ? kept != null : !written.equals(kept)) {
                changed.add(column + ": wrote " + show(written) + ", stored " + show(kept));
            }
        }
        if (!changed.isEmpty()) {
            return ProbeOutcome.broken(name, name.name(), Kind.WRITE, insert, expected, Breach.REWRITTEN,
                    String.join("; ", changed) + triggers(table, "BEFORE"));
        }
        return ProbeOutcome.held(name, name.name(), Kind.WRITE, insert, expected, "stored as written");
    }

    /**
     * A valid row refused: by a row security policy or an error raised in a trigger's function the
     * table cannot be written; by a CHECK maybe no row can pass it; anything else is the probe's
     * own limit (a parent with no row, a value the seeder cannot make) and says so.
     */
    private ProbeOutcome refusedWrite(Table table, String insert, ProbeSession.Refusal refusal) {
        QualifiedName name = table.qualifiedName();
        String expected = "a row that keeps every constraint goes in";
        if ("23514".equals(refusal.sqlState()) && refusal.constraint() != null) {
            return ProbeOutcome.broken(name, refusal.constraint(), Kind.WRITE, insert, expected, Breach.UNSATISFIED,
                    refusal.toString());
        }
        if (refusal.where() != null && refusal.where().contains("function") && !refusal.sqlState().startsWith("23")) {
            return ProbeOutcome.broken(name, name.name(), Kind.WRITE, insert, expected, Breach.REFUSED,
                    refusal + " (" + refusal.where().lines().findFirst().orElse("") + ")" + triggers(table, ""));
        }
        return ProbeOutcome.skipped(name, name.name(), Kind.WRITE, "the probe's row was refused, for a reason of its "
                + "own making (" + refusal + "); nothing is said of the table");
    }

    /** A table with INSERT rules: the write may go elsewhere; the probe sees only whether a row is stored here. */
    ProbeOutcome withRules(Table table, TablePlan plan, String ruleNames) throws SQLException {
        QualifiedName name = table.qualifiedName();
        String insert = InsertSql.render(plan, List.of(0));
        String count = "SELECT count(*) FROM " + Quote.name(name);
        try {
            return session.rolledBack(() -> {
                long before = Long.parseLong(session.value(count));
                session.execute(insert);
                long after = Long.parseLong(session.value(count));
                return after > before
                        ? ProbeOutcome.held(name, name.name(), Kind.WRITE, insert, "the row is stored", "stored (rules: " + ruleNames + ")")
                        : ProbeOutcome.broken(name, name.name(), Kind.WRITE, insert, "the row is stored", Breach.LOST,
                        "the insert succeeded but the table holds no new row: rule " + ruleNames + " rewrote it");
            });
        } catch (SQLException failure) {
            return refusedWrite(table, insert, ProbeSession.Refusal.of(failure));
        }
    }

    /**
     * The table's row security, as a role made for the probe that is a member of every role its
     * policies name: when even it cannot write a valid row, no role can. Policies that read the
     * session (settings, the current user) cannot be judged without the application's session.
     */
    ProbeOutcome rowSecurity(Table table, TablePlan plan) throws SQLException {
        QualifiedName name = table.qualifiedName();
        String subject = "row security";
        boolean session = table.postgres().policies().stream().anyMatch(p -> reads(p.using()) || reads(p.withCheck()));
        if (session) {
            return ProbeOutcome.skipped(name, subject, Kind.WRITE, "its policies read the session (current_setting, "
                    + "current_user); only the application's session can say whether they admit a row");
        }
        String role = Quote.ident("schemagate_probe_" + Long.toHexString(System.nanoTime()));
        String expected = "a role its policies name can write a valid row";
        try {
            return this.session.rolledBack(() -> {
                List<String> wanted = wanted(table, plan, 3);
                String literalInsert = insert(table, plan, wanted).replaceFirst(" RETURNING .*$", "");
                this.session.execute("CREATE ROLE " + role + " NOLOGIN");
                this.session.execute("GRANT USAGE ON SCHEMA " + Quote.ident(name.schema()) + " TO " + role);
                this.session.execute("GRANT INSERT ON " + Quote.name(name) + " TO " + role);
                this.session.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA " + Quote.ident(name.schema()) + " TO " + role);
                for (String member : table.postgres().policies().stream().flatMap(p -> p.roles().stream())
                        .filter(r -> !r.equalsIgnoreCase("public")).distinct().toList()) {
                    this.session.execute("GRANT " + Quote.ident(member) + " TO " + role);
                }
                // Rolling back to the savepoint ends the role too, whether the insert went in or not.
                this.session.execute("SET LOCAL ROLE " + role);
                try {
                    this.session.execute(literalInsert);
                    return ProbeOutcome.held(name, subject, Kind.WRITE, literalInsert, expected, "stored");
                } catch (SQLException failure) {
                    ProbeSession.Refusal refusal = ProbeSession.Refusal.of(failure);
                    return refusal.message().contains("row-level security")
                            ? ProbeOutcome.broken(name, subject, Kind.WRITE, literalInsert, expected, Breach.REFUSED,
                            refusal + policies(table))
                            : ProbeOutcome.skipped(name, subject, Kind.WRITE, "refused for another reason: " + refusal);
                }
            });
        } catch (SQLException failure) {
            return ProbeOutcome.skipped(name, subject, Kind.WRITE, "could not act as a role of its own: "
                    + ProbeSession.Refusal.of(failure).message());
        }
    }

    private static boolean reads(String expression) {
        return expression != null && expression.matches("(?is).*\\b(current_setting|current_user|session_user|current_role|user)\\b.*");
    }

    private static String triggers(Table table, String timing) {
        List<String> names = table.triggers().stream()
                .filter(t -> t.forEachRow() && t.events().contains("INSERT") && (timing.isEmpty() || t.timing().equals(timing)))
                .filter(t -> t.postgres().enabled() != Enablement.DISABLED)
                .map(Trigger::name).toList();
        return names.isEmpty() ? "" : " (" + (timing.isEmpty() ? "" : timing + " ") + "INSERT triggers: " + String.join(", ", names) + ")";
    }

    private static String policies(Table table) {
        List<String> names = table.postgres().policies().stream().map(p -> p.name() + " (" + p.command() + ")").toList();
        return names.isEmpty() ? " (row security is on and no policy admits a row)" : " (policies: " + String.join(", ", names) + ")";
    }

    static String show(String value) {
        return value == null ? "NULL" : Quote.literal(value);
    }
}
