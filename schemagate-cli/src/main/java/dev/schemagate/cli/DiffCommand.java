package dev.schemagate.cli;

import dev.schemagate.diff.DiffJson;
import dev.schemagate.diff.DiffText;
import dev.schemagate.diff.PlanProof;
import dev.schemagate.diff.PlannedStatement;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.lint.ObservationProvider;
import dev.schemagate.engine.DiffRun;
import dev.schemagate.postgres.server.JdbcUrls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code schemagate diff SOURCE TARGET}: what differs between two schemas, as a review, as JSON, or
 * as the SQL that turns SOURCE into TARGET. A plan is shown only once it ran on a scratch copy of
 * SOURCE seeded with rows and left exactly TARGET; statements that can lose data are held back
 * unless {@code --unsafe}, and the plan without them is proven too.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Show what differs between two schemas (migrations folder, DIR@VERSION, .sql, snapshot .json "
                + "or jdbc: URL), or the SQL that turns SOURCE into TARGET, proven on a scratch copy of SOURCE first.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  no difference", "  1  differences; or the plan did not pass validation (then it is printed "
                + "commented out, and why on standard error)", "  2  usage or input error",
                "  3  destructive statements held back (--format sql without --unsafe)",
                "  4  the database could not be had"})
public final class DiffCommand implements Callable<Integer> {

    /** Rows seeded in each table the plan touches, on the copy it is proven on. */
    static final int PROOF_ROWS = 20;

    /** How to show the difference. */
    enum Format { text, sql, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "The schema as it is: DIR, DIR@VERSION, FILE.sql, FILE.json or a jdbc: URL;"
            + " a DIR holding src/main/resources is a Spring Boot project, read as verify reads one.")
    String source;

    @Parameters(index = "1", paramLabel = "TARGET", description = "The schema as it should become, in the same forms.")
    String target;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (a review, grouped by object), sql (the migration from SOURCE to TARGET) or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--unsafe", description = "Include statements that can lose data (DROP TABLE, DROP COLUMN, narrowing type changes) in the SQL.")
    boolean unsafe;

    @Option(names = "--column-order", description = "Rebuild tables whose columns are in another order (copying their rows); "
            + "without it, a different column order is reported and left as is.")
    boolean columnOrder;

    @Mixin
    ComparedContentOptions content;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        Dialect dialect = database.dialect(source, target);
        SpringProjectSources.announce(database, spec.commandLine().getErr(), source, target);
        DiffRun.DiffOptions options = new DiffRun.DiffOptions(database.server(dialect, source, target), database.layout(), content.options(),
                columnOrder, unsafe, PROOF_ROWS);
        DiffRun.DiffResult result = DiffRun.run(dialect, source, target, options, format != Format.text);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int differs = result.diff().isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
        PlanProof proof = result.proof();
        int exit = switch (format) {
            case text -> {
                out.print(DiffText.render(result.diff(), "SOURCE", "TARGET"));
                if (result.server() != null) {
                    out.flush();
                    err.println("Both read on " + result.server() + ".");
                }
                yield differs;
            }
            case json -> {
                out.print(DiffJson.render(result.diff(), proof, proof.heldBack(), result.server()));
                yield proof.problems().isEmpty() ? differs : ExitCode.FINDINGS;
            }
            case sql -> sql(proof, out, differs, dialect, result.server());
        };
        if (proof != null) {
            report(proof, format == Format.sql, err);
        }
        out.flush();
        err.flush();
        return exit;
    }

    private int sql(PlanProof proof, PrintWriter out, int differs, Dialect dialect, String server) {
        String header = "-- Migration from " + JdbcUrls.redact(source) + " to " + JdbcUrls.redact(target)
                + ", written by Schemagate";
        if (!proof.problems().isEmpty()) {
            out.println(header + ". It did NOT pass validation on a scratch copy of SOURCE (see standard error),");
            out.println("-- so every line is commented out: fix the cause or write these steps by hand.");
            proof.plan().script().lines().forEach(line -> out.println(line.isEmpty() ? "" : "-- " + line));
            return ExitCode.FINDINGS;
        }
        out.println(header + ", and proven on a scratch copy of SOURCE (" + PROOF_ROWS + " rows a table) on " + server
                + ": the whole plan");
        out.println("-- leaves exactly TARGET" + (proof.heldBack().isEmpty() ? ""
                : "; without the held-back statements it runs on its own") + ". " + hazards(dialect));
        out.print(proof.plan().script(proof.heldBack()));
        return proof.heldBack().isEmpty() ? differs : ExitCode.HELD_BACK;
    }

    /**
     * What the hazards above each statement are: seen on the copy where the dialect has an observer
     * (PostgreSQL's locks and rewrites), else the planner's own, the copy having shown only that each
     * statement runs, the result and the rows each table keeps.
     */
    static String hazards(Dialect dialect) {
        return ObservationProvider.find(dialect.id()).isPresent() ? "Hazards are those seen there."
                : "Hazards are the planner's: on " + dialect.id() + " the copy shows that each statement runs, the\n"
                + "-- result and every table's row count, but no lock or rewrite is watched.";
    }

    private void report(PlanProof proof, boolean sql, PrintWriter err) {
        if (!proof.problems().isEmpty()) {
            err.println("The plan did not pass validation (SOURCE rebuilt in a scratch database, the plan run on it, "
                    + "the result compared with TARGET):");
            proof.problems().forEach(problem -> err.println("  - " + problem));
            err.println("This is a fault of Schemagate's planner or of the schema it cannot yet plan for; the plan "
                    + "is not printed as runnable.");
        }
        proof.warnings().forEach(warning -> err.println("warning: the plan " + warning));
        List<PlannedStatement> heldBack = proof.heldBack();
        if (sql && !heldBack.isEmpty() && proof.problems().isEmpty()) {
            err.printf("%d statement(s) were held back (commented out): those that can lose data, and the changes "
                    + "that cannot run without them; review them and run with --unsafe to include them:%n", heldBack.size());
            heldBack.forEach(statement -> err.println("  " + statement.sql().lines().findFirst().orElse("")
                    + (statement.change().isEmpty() ? "" : "   (" + statement.change() + ")")));
            if (!proof.leftOut().isEmpty()) {
                err.println("Without them, the plan (also run on the copy) leaves these differences:");
                err.print(DiffText.lines(proof.leftOut(), "the result", "TARGET").indent(2));
            }
        }
    }
}
