package dev.schemagate.postgres.lint;

import dev.schemagate.lint.DialectRules;
import dev.schemagate.lint.LintPlan;
import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Observation;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.SqlText;
import dev.schemagate.lint.Suspicion;
import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.Statement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * PostgreSQL's lint rules, registered as a {@link DialectRules} service: the rules read each up
 * statement's facts ({@link StatementReader}) and the database's evidence of locks and rewrites.
 * {@link #RULES} is the one list of them; its order is the order in which the rules speak about one
 * fact, so a finding's place among those of its statement stays put. A rule is one class; adding
 * one is writing the class, its page {@code docs/rules/<id>.md}, and listing it here (a test fails
 * when a rule class is not listed or has no page).
 */
public final class PostgresRules implements DialectRules {

    static final List<PostgresRule> RULES = List.of(new DropSchema(), new DropTable(), new Truncate(),
            new DropIndexNonConcurrently(), new AddIndexNonConcurrently(), new ConcurrentlyInTransaction(), new CopyProgram(),
            new TransactionControl(), new BackfillInDdlTransaction(), new ReindexNonConcurrently(), new RenameTable(),
            new RenameColumn(), new DropColumn(), new ColumnUsedByView(), new DropWithoutIfExists(),
            new CreateWithoutIfNotExists(), new EnumValueUsedInTransaction(), new CheckWithoutNotValid(),
            new ForeignKeyWithoutNotValid(), new AddUniqueConstraint(), new ValidateInSameTransaction(), new AddRequiredColumn(),
            new VolatileDefault(), new ChangeColumnType(), new LossyTypeChange(), new SetNotNull(), new PreferBigintKeys(),
            new PreferIdentity(), new PreferText(), new PreferTimestamptz(), new TableRewrite(), new MissingLockTimeout());

    @Override
    public String dialect() {
        return "postgres";
    }

    @Override
    public List<Rule> rules() {
        return RULES.stream().map(PostgresRule::rule).toList();
    }

    /**
     * Reads the statements in apply order with one memory: tables created anywhere in the change
     * count as new (they are empty in production), and the history's statements teach the memory
     * without being suspected.
     */
    @Override
    public List<Suspicion> suspect(List<LintPlan.PlannedScript> scripts, HistoryCut cut) {
        LintMemory memory = new LintMemory();
        StatementReader reader = new StatementReader(RULES, memory);
        List<Suspicion> suspicions = new ArrayList<>();
        boolean inChange = false;
        for (LintPlan.PlannedScript planned : scripts) {
            boolean past = cut.isHistory(planned.migration());
            if (!(cut.active() && inChange && !past)) {
                memory.startMigration();
            }
            inChange = !past;
            memory.startScript();
            boolean inTransaction = planned.script().transaction().opens(planned.statements());
            for (Statement statement : planned.statements()) {
                if (statement.kind() != Statement.Kind.SQL) {
                    continue;
                }
                List<Suspicion> found = new ArrayList<>();
                reader.read(new LintStatement(statement, SqlText.of(statement.sql()), planned.migration(), planned.script(),
                        inTransaction), found);
                if (!past) {
                    found.forEach(s -> suspicions.add(s.withNewTable(!memory.existing(reader.named(s.table())))));
                }
            }
        }
        return suspicions;
    }

    @Override
    public List<Evident> evident(Statement statement, Observation observed, Predicate<Rule> covered,
                                 Predicate<String> inProduction) {
        List<Evident> found = new ArrayList<>();
        RULES.forEach(rule -> rule.evident(statement, observed, covered, inProduction).ifPresent(found::add));
        return found;
    }

    @Override
    public Set<String> repeatRefusalInTransaction() {
        return Set.of(ConcurrentlyInTransaction.RULE.id());
    }

    @Override
    public Map<String, List<String>> squawk() {
        Map<String, List<String>> ours = new LinkedHashMap<>();
        for (PostgresRule rule : RULES) {
            rule.squawk().forEach(name -> ours.computeIfAbsent(name, n -> new ArrayList<>()).add(rule.rule().id()));
        }
        return ours;
    }
}
