package dev.schemagate.mysql.lint;

import dev.schemagate.lint.DialectRules;
import dev.schemagate.lint.LintPlan;
import dev.schemagate.lint.Observation;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;
import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.Statement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * MySQL's and MariaDB's own lint rules: the online-DDL traps (an ALTER the server can only do by
 * copying the table, an index built while writes wait), the charset and ENUM traps, and renames and
 * drops that break the code still deployed. The text suspects; how the server ran each ALTER on the
 * scratch database ({@link MysqlStatementObserver}) confirms or clears.
 */
public final class MysqlRules implements DialectRules {

    private static final List<MysqlRule> COPIES = List.of(new ChangeColumnTypeCopies(), new AddColumnNotAtEnd(),
            new EnumLabelsChanged());
    private static final List<MysqlRule> RULES;

    static {
        List<MysqlRule> all = new ArrayList<>(COPIES);
        all.addAll(List.of(new ForeignKeyWithoutIndex(), new Utf8mb3Charset(), new AddIndexNotOnline(), new RenameTable(),
                new RenameColumn(), new DropTable(), new DropColumn(), new AlterCopiesTable(COPIES)));
        RULES = List.copyOf(all);
    }

    @Override
    public String dialect() {
        return "mysql";
    }

    @Override
    public List<Rule> rules() {
        return RULES.stream().map(MysqlRule::rule).toList();
    }

    @Override
    public List<Suspicion> suspect(List<LintPlan.PlannedScript> scripts, HistoryCut cut) {
        TextTables tables = new TextTables();
        Set<String> created = new HashSet<>();
        List<Suspicion> suspicions = new ArrayList<>();
        for (LintPlan.PlannedScript script : scripts) {
            boolean past = cut.isHistory(script.migration());
            if (past || !cut.active()) {
                created.clear();
            }
            List<Suspicion> found = new ArrayList<>();
            Set<String> createdHere = new HashSet<>();
            for (Statement statement : script.statements()) {
                if (statement.kind() != Statement.Kind.SQL) {
                    continue;
                }
                Ddl ddl = Ddl.of(statement);
                if (!past) {
                    RULES.forEach(rule -> rule.suspect(ddl, tables, created, found));
                }
                if (ddl.kind() == Ddl.Kind.CREATE_TABLE) {
                    created.add(ddl.table());
                    createdHere.add(ddl.table());
                }
                created.addAll(RenameTable.newNames(ddl));
                tables.read(ddl);
            }
            found.removeIf(suspicion -> suspicion.rule().equals(RenameTable.RULE) && createdHere.contains(suspicion.table()));
            suspicions.addAll(found);
        }
        return suspicions;
    }

    @Override
    public boolean stands(Suspicion suspicion, Observation observed) {
        if (observed != null && (suspicion.newTable() || !observed.existed(suspicion.table()))) {
            return false;
        }
        AlterRun run = observed == null ? null : AlterRun.of(observed);
        return RULES.stream().filter(rule -> rule.rule().equals(suspicion.rule())).findFirst()
                .map(rule -> rule.stands(suspicion, run)).orElse(true);
    }
}
