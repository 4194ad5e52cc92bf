package dev.schemagate.report;

import dev.schemagate.check.Severity;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.MutantResult;
import dev.schemagate.mutation.MutationResult;
import dev.schemagate.mutation.Score;
import dev.schemagate.mutation.Verdict;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The mutation run on the console: a line per mutant as it ends, then the scores and every survivor with its diff. */
public final class MutationConsole {

    private final PrintWriter out;
    private final ReportPaths paths;

    public MutationConsole(PrintWriter out, ReportPaths paths) {
        this.out = out;
        this.paths = paths;
    }

    /** One line for a mutant that just ended; safe from any thread. */
    public synchronized void progress(MutantResult r) {
        out.println(String.format(Locale.ROOT, "  %-10s %s %s:%d %s", r.verdict().id(), r.mutant().id(), paths.relative(r.mutant().file()),
                r.mutant().line(), r.mutant().operator().id() + (r.verdict() == Verdict.KILLED ? "  ← " + by(r) : "")));
        out.flush();
    }

    public void summary(MutationResult result) {
        Score overall = result.overall();
        out.println();
        if (result.results().isEmpty()) {
            out.println("No mutants " + (result.generated() == 0 ? "made" : "run") + ": no migration outside the history (--since, --baseline) "
                    + "has a statement the operators change, so there is no kill rate to give");
            out.flush();
            return;
        }
        out.println(String.format(Locale.ROOT, "Kill rate %.1f%%: %s (of %d mutants made, %d run)", overall.killRate(), counts(overall),
                result.generated(), result.results().size()));
        for (Map.Entry<Category, Score> entry : result.byCategory().entrySet()) {
            out.println(String.format(Locale.ROOT, "  %-24s %5.1f%%  %s", entry.getKey().title(), entry.getValue().killRate(), counts(entry.getValue())));
        }
        for (Map.Entry<Severity, Score> entry : result.bySeverity().entrySet()) {
            out.println(String.format(Locale.ROOT, "  severity %-15s %5.1f%%  %s", entry.getKey().name().toLowerCase(Locale.ROOT),
                    entry.getValue().killRate(), counts(entry.getValue())));
        }
        if (overall.equivalent() > 0) {
            out.println("  " + overall.equivalent() + " equivalent mutant(s) left the same schema and rows as the original: left out of the score");
        }
        for (MutantResult r : result.survivors()) {
            out.println();
            out.println("Survived " + r.mutant().id() + " " + r.mutant().operator().id() + " at " + paths.relative(r.mutant().file()) + ":"
                    + r.mutant().line() + ": " + r.mutant().summary());
            r.mutant().diff().lines().forEach(line -> out.println("    " + line));
            out.println("    would be caught by: " + r.mutant().operator().caughtBy());
            if (!r.note().isEmpty()) {
                out.println("    " + r.note());
            }
        }
        if (!result.passed()) {
            out.println();
            out.println(String.format(Locale.ROOT, "FAILED: kill rate %.1f%% is below --min-kill-rate %.1f%%", overall.killRate(), result.minKillRate()));
        }
        out.flush();
    }

    static String counts(Score score) {
        return score.killed() + " killed, " + score.survived() + " survived, " + score.timedOut() + " timed out, " + score.equivalent()
                + " equivalent" + (score.notRun() > 0 ? ", " + score.notRun() + " not run" : "");
    }

    /** What killed the mutant: the rules of the new findings, or the note. */
    static String by(MutantResult r) {
        if (!r.caughtBy().isEmpty()) {
            return r.caughtBy().stream().map(f -> f.ruleId()).distinct().collect(Collectors.joining(", "));
        }
        return r.note();
    }
}
