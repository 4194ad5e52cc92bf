package dev.schemagate.lint;

import dev.schemagate.check.Finding;
import dev.schemagate.dialect.Capabilities;
import dev.schemagate.migration.Location;
import dev.schemagate.migration.Statement;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns suspicions into findings: keeps those the evidence (or, without a database, the text)
 * supports, adds what only the evidence shows (what the dialect's rules find in it that no
 * suspicion explained), applies the config and the ignore annotations, and writes the evidence lines.
 */
final class Judge {

    private final LintConfig config;
    private final Set<String> production;
    private final Optional<DialectRules> rules;
    private final Capabilities capabilities;
    private final Map<Path, IgnoreAnnotations> annotations = new HashMap<>();
    private final List<DialectRules> dialectRules = DialectRules.all();

    /**
     * @param production the tables that hold rows in production (those before the change), or null
     *                   when there is no history cut and every table counts
     * @param capabilities the dialect's, which say what the evidence of a statement run outside a transaction means
     */
    Judge(LintConfig config, Set<String> production, Optional<DialectRules> rules, Capabilities capabilities) {
        this.config = config;
        this.production = production;
        this.rules = rules;
        this.capabilities = capabilities;
    }

    Judgement judge(LintPlan plan, Map<Statement, Observation> observations, List<ObservedRun.Note> notes) {
        List<Finding> findings = new ArrayList<>();
        List<Suspicion> cleared = new ArrayList<>();
        for (FileSuspicion file : plan.files()) {
            if (config.enabled(file.rule()) && !ignores(file.file(), file.rule(), 0)) {
                findings.add(finding(file.rule(), Location.of(file.file()), file.message(), List.of()));
            }
        }
        Set<String> covered = new HashSet<>();
        for (Suspicion suspicion : plan.suspicions()) {
            Observation observed = observations.get(suspicion.statement());
            if (!stands(suspicion, observed)) {
                cleared.add(suspicion);
                continue;
            }
            covered.add(key(suspicion.statement(), suspicion.rule()));
            report(suspicion.rule(), suspicion.statement(), message(suspicion, observed), observed, suspicion.table(), findings);
        }
        for (LintPlan.PlannedScript script : plan.scripts()) {
            for (Statement statement : script.statements()) {
                Observation observed = observations.get(statement);
                if (observed != null) {
                    evidenceOnly(statement, observed, covered, findings);
                }
            }
        }
        for (ObservedRun.Note note : notes) {
            if (config.enabled(note.rule()) && !ignores(note.location().file(), note.rule(), note.location().line())) {
                findings.add(finding(note.rule(), note.location(), note.message(),
                        note.hint().isEmpty() ? note.rule().hint() : note.hint(), List.of()));
            }
        }
        unexplainedAnnotations(plan, findings);
        findings.removeIf(f -> f.location() != null && plan.past(f.location().file())
                && !f.ruleId().equals(Rules.OBSERVATION_STOPPED.id()));
        return new Judgement(findings, cleared);
    }

    /** The suspicion's sentence, with the views the database names when it showed them. */
    private static String message(Suspicion suspicion, Observation observed) {
        if (suspicion.need() != Suspicion.Need.VIEW_READS_COLUMN || observed == null) {
            return suspicion.message();
        }
        List<String> views = observed.viewsReading(suspicion.table(), suspicion.column());
        return suspicion.message().replaceFirst(", which view .*$", "")
                + (views.size() == 1 ? ", which view " + views.get(0) + " still reads"
                : ", which views " + String.join(", ", views) + " still read");
    }

    private boolean stands(Suspicion suspicion, Observation observed) {
        if (suspicion.need() == Suspicion.Need.NONE) {
            return true;
        }
        if (suspicion.need() == Suspicion.Need.DIALECT) {
            return (observed == null || inProduction(suspicion.table())) && dialectRules.stream()
                    .filter(rules -> rules.rules().contains(suspicion.rule())).findFirst()
                    .map(rules -> rules.stands(suspicion, observed)).orElse(true);
        }
        if (observed == null) {
            return !suspicion.newTable();
        }
        String table = suspicion.table();
        if (!observed.existed(table) || !inProduction(table)) {
            return false;
        }
        return switch (suspicion.need()) {
            case REWRITE -> table != null && observed.rewrote(table);
            case STRONGEST_LOCK -> !observed.lockTimeoutSet()
                    && (!observed.inTransaction() || !observed.strongestLock(table).isEmpty());
            case HELD_LOCK -> observed.heldBlockingWrites(table);
            case VIEW_READS_COLUMN -> !observed.viewsReading(table, suspicion.column()).isEmpty();
            default -> true;
        };
    }

    /** What the dialect's rules find in the evidence alone, where no suspicion of theirs stood. */
    private void evidenceOnly(Statement statement, Observation observed, Set<String> covered, List<Finding> findings) {
        rules.ifPresent(dialect -> dialect.evident(statement, observed, rule -> covered.contains(key(statement, rule)),
                        this::inProduction)
                .forEach(found -> report(found.rule(), statement, found.message(), observed, found.table(), findings)));
    }

    private void report(Rule rule, Statement statement, String message, Observation observed, String table,
                        List<Finding> findings) {
        if (!config.enabled(rule) || ignores(statement.location().file(), rule, statement.location().line())) {
            return;
        }
        List<String> evidence = new ArrayList<>();
        if (statement.generated()) {
            evidence.add("generated SQL: " + statement.sql());
        }
        evidence.addAll(Evidence.lines(observed, table, capabilities));
        findings.add(finding(rule, statement.location(), message, evidence));
    }

    private Finding finding(Rule rule, Location location, String message, List<String> evidence) {
        return finding(rule, location, message, rule.hint(), evidence);
    }

    private Finding finding(Rule rule, Location location, String message, String hint, List<String> evidence) {
        List<String> lines = new ArrayList<>();
        lines.add("why: " + rule.why());
        lines.addAll(evidence);
        return new Finding(rule.id(), config.severity(rule), location, message, hint, lines);
    }

    private boolean ignores(Path file, Rule rule, int line) {
        return annotations.computeIfAbsent(file, IgnoreAnnotations::read).ignores(rule.id(), line);
    }

    private void unexplainedAnnotations(LintPlan plan, List<Finding> findings) {
        plan.scripts().stream().map(s -> s.script().file()).distinct().forEach(file -> {
            for (IgnoreAnnotations.Annotation a : annotations.computeIfAbsent(file, IgnoreAnnotations::read).all()) {
                if (a.reason().isEmpty() && config.enabled(Rules.IGNORE_WITHOUT_REASON)) {
                    findings.add(finding(Rules.IGNORE_WITHOUT_REASON, new Location(file, a.line(), 1),
                            "ignore annotation for " + String.join(", ", a.ruleIds()) + " gives no reason, so it is not applied",
                            List.of()));
                }
            }
        });
    }

    /** True unless a history cut says the table was created by the change, so holds no rows in production. */
    private boolean inProduction(String table) {
        return production == null || table == null || production.contains(table);
    }

    private static String key(Statement statement, Rule rule) {
        return statement.location() + "|" + rule.id();
    }
}
