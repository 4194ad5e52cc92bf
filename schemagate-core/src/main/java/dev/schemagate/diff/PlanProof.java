package dev.schemagate.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The evidence that a plan does what it says, gathered before anyone sees it: the plan run on a
 * scratch copy of SOURCE with rows, and, when statements are held back, the rest run on a copy of
 * its own. {@link #problems()} lists why the plan must not be trusted; none means it is proven.
 *
 * @param plan      the plan with the hazards observed while it ran (those that ran; the others as declared)
 * @param full      the whole plan's run
 * @param heldBack  the statements held back (empty with {@code --unsafe}); whole changes are held back
 * @param safe      the run of the plan without them, or null when nothing is held back
 * @param notBuilt  why SOURCE could not be rebuilt in a scratch database, or null
 */
public record PlanProof(MigrationPlan plan, PlanRun full, List<PlannedStatement> heldBack, PlanRun safe, String notBuilt) {

    public PlanProof {
        heldBack = List.copyOf(heldBack);
    }

    /** Why the plan is not good, one entry a problem; empty when it is proven. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (notBuilt != null) {
            problems.add("SOURCE could not be rebuilt in a scratch database to try the plan: " + notBuilt);
            return problems;
        }
        failure("the plan", full, problems);
        if (full.failure() == null && !full.residual().isEmpty()) {
            problems.add("after the plan, the database still differs from TARGET:\n"
                    + DiffText.lines(full.residual(), "the result", "TARGET").indent(4).stripTrailing());
        }
        losses("the plan", full, problems);
        if (safe != null) {
            failure("the plan without the held-back statements", safe, problems);
            losses("the plan without the held-back statements", safe, problems);
        }
        return problems;
    }

    /** The plan runs on empty tables but fails on rows SOURCE may hold: a warning, not a broken plan. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        for (PlanRun run : safe == null ? List.of(full) : List.of(full, safe)) {
            if (run.failure() != null && run.failure().onlyWithRows()) {
                warnings.add("runs on empty tables but fails on a copy seeded with rows, at\n    "
                        + firstLine(run.failure().statement()) + "\n    server: " + run.failure().error()
                        + "\n    rows like those must be changed before it can run");
            }
        }
        return warnings.stream().distinct().toList();
    }

    /** What the plan without the held-back statements leaves different from TARGET. */
    public SchemaDiff leftOut() {
        return safe == null ? new SchemaDiff(List.of()) : safe.residual();
    }

    private static void failure(String what, PlanRun run, List<String> problems) {
        if (run.failure() != null && !run.failure().onlyWithRows()) {
            problems.add(what + " fails on a scratch copy of SOURCE at\n    " + firstLine(run.failure().statement())
                    + (run.failure().statement().change().isEmpty() ? "" : "   (" + run.failure().statement().change() + ")")
                    + "\n    server: " + run.failure().error());
        }
    }

    private static void losses(String what, PlanRun run, List<String> problems) {
        for (Map.Entry<String, Long> loss : run.unannouncedLosses().entrySet()) {
            problems.add(what + " lost " + loss.getValue() + " row(s) of " + loss.getKey()
                    + ", though no statement serving it says it deletes data");
        }
    }

    private static String firstLine(PlannedStatement statement) {
        String first = statement.sql().strip().lines().findFirst().orElse("");
        return statement.sql().strip().contains("\n") ? first + " …" : first;
    }
}
