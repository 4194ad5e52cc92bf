package dev.schemagate.mutation;

import dev.schemagate.check.Severity;
import dev.schemagate.migration.MigrationSet;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a mutation run, which every mutation report renders and from which the exit code derives.
 *
 * @param migrations  the migrations mutated
 * @param results     one per mutant run, in mutant order
 * @param generated   how many mutants the operators made before any sampling
 * @param operators   the operators the run used
 * @param server      what the run ran on, for people
 * @param cloning     how each mutant's database started (the dialect's cloning), for people
 * @param minKillRate the threshold in percent, 0 for none
 * @param duration    the whole run's wall time
 */
public record MutationResult(MigrationSet migrations, List<MutantResult> results, int generated, List<MutationOperator> operators,
                             String server, String cloning, double minKillRate, Duration duration) {

    public MutationResult {
        results = List.copyOf(results);
        operators = List.copyOf(operators);
    }

    public Score overall() {
        return Score.of(results);
    }

    public Map<Category, Score> byCategory() {
        Map<Category, Score> scores = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            List<MutantResult> of = results.stream().filter(r -> r.mutant().operator().category() == category).toList();
            if (!of.isEmpty()) {
                scores.put(category, Score.of(of));
            }
        }
        return scores;
    }

    public Map<Severity, Score> bySeverity() {
        Map<Severity, Score> scores = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            List<MutantResult> of = results.stream().filter(r -> r.mutant().operator().severity() == severity).toList();
            if (!of.isEmpty()) {
                scores.put(severity, Score.of(of));
            }
        }
        return scores;
    }

    public List<MutantResult> survivors() {
        return results.stream().filter(r -> r.verdict() == Verdict.SURVIVED).toList();
    }

    /** True unless a threshold is set and the kill rate is below it. */
    public boolean passed() {
        return minKillRate <= 0 || overall().killRate() >= minKillRate;
    }
}
