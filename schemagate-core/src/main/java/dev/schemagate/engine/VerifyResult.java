package dev.schemagate.engine;

import dev.schemagate.check.ConditionFindings;
import dev.schemagate.check.Finding;
import dev.schemagate.check.Severity;
import dev.schemagate.data.ProbeOutcome;
import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.MigrationSet;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome of a verify run, which every report renders and from which the exit code derives.
 *
 * @param migrations the migrations found
 * @param runs       one entry per migration, in order
 * @param findings   everything the checks found
 * @param server     what the run ran on, for people
 * @param failOn     the lowest severity that fails the run
 * @param duration   the whole run's wall time
 * @param checks     the checks the run made, so a report can tell "passed" from "not run"
 * @param cut        where history ends: its migrations were only applied
 * @param probes     what the probes check tried after the last migration, one outcome per probe; empty when it did not run
 */
public record VerifyResult(MigrationSet migrations, List<MigrationRun> runs, List<Finding> findings, String server,
                           Severity failOn, Duration duration, Set<CheckName> checks, HistoryCut cut,
                           List<ProbeOutcome> probes) {

    public VerifyResult {
        runs = List.copyOf(runs);
        findings = List.copyOf(findings);
        checks = Set.copyOf(checks);
        probes = List.copyOf(probes);
    }

    /** A run without probes. */
    public VerifyResult(MigrationSet migrations, List<MigrationRun> runs, List<Finding> findings, String server,
                        Severity failOn, Duration duration, Set<CheckName> checks, HistoryCut cut) {
        this(migrations, runs, findings, server, failOn, duration, checks, cut, List.of());
    }

    /**
     * True when the finding is located in the run's migration: in its up or down script, and in a
     * file that declares several migrations, at or after its own line (see {@link MigrationSet#owner}).
     */
    public boolean concerns(MigrationRun run, Finding finding) {
        return migrations.owner(finding.location()).filter(run.migration()::equals).isPresent();
    }

    /**
     * Why the migrations not run were not reached: an earlier migration failed, or (when none
     * failed) the preconditions that stopped the run, in their finding's words; empty when every
     * migration was reached.
     */
    public Optional<String> stopReason() {
        if (runs.stream().noneMatch(run -> run.status() == MigrationRun.Status.NOT_RUN)) {
            return Optional.empty();
        }
        if (runs.stream().anyMatch(run -> run.status() == MigrationRun.Status.FAILED)) {
            return Optional.of("an earlier migration failed");
        }
        return Optional.of(findings.stream().filter(f -> f.ruleId().equals(ConditionFindings.HALTED)).map(Finding::message)
                .findFirst().orElse("an earlier migration failed"));
    }

    public boolean passed() {
        return findings.stream().noneMatch(f -> f.severity().atLeast(failOn));
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    public long applied() {
        return runs.stream().filter(r -> r.status() == MigrationRun.Status.APPLIED).count();
    }

    /** How many migrations were history, only applied. */
    public long history() {
        return runs.stream().filter(MigrationRun::history).count();
    }

    /** How many migrations got every check the run makes. */
    public long checked() {
        return runs.size() - history();
    }
}
