package dev.schemagate.maven;

import dev.schemagate.diff.DiffJson;
import dev.schemagate.diff.DiffText;
import dev.schemagate.diff.PlanProof;
import dev.schemagate.diff.PlannedStatement;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.engine.DiffRun;
import dev.schemagate.migration.InputException;
import dev.schemagate.model.SnapshotOptions;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.List;
import java.util.Locale;

/**
 * {@code mvn schemagate:diff}: what {@code schemagate diff} does, in the build: what differs between
 * two schemas, written as a review ({@code text}), as JSON, or as the SQL that turns the source into
 * the target, proven first on a scratch copy of the source. A plan that does not pass fails the build;
 * statements that can lose data are held back unless {@code unsafe}, and then the build fails, as the
 * CLI exits with code 3; a difference alone does not fail it.
 */
@Mojo(name = "diff", threadSafe = true, requiresProject = false)
public final class DiffMojo extends SchemaMojo {

    /** Rows seeded in each table the plan touches, on the copy it is proven on (as the CLI does). */
    private static final int PROOF_ROWS = 20;

    /** The schema as it should become, in the same forms (the CLI's TARGET). */
    @Parameter(property = "schemagate.target", required = true)
    String target;

    /** text (a review, grouped by object), sql (the migration from source to target) or json. */
    @Parameter(property = "schemagate.format", defaultValue = "sql")
    String format;

    /** Include statements that can lose data (DROP TABLE, DROP COLUMN, narrowing type changes) in the SQL. */
    @Parameter(property = "schemagate.unsafe", defaultValue = "false")
    boolean unsafe;

    /** Rebuild tables whose columns are in another order (copying their rows); otherwise reported and left as is. */
    @Parameter(property = "schemagate.columnOrder", defaultValue = "false")
    boolean columnOrder;

    /** Compare owners too (left out by default: they differ between environments). */
    @Parameter(property = "schemagate.owners", defaultValue = "false")
    boolean owners;

    /** Compare grants too (left out by default: they differ between environments). */
    @Parameter(property = "schemagate.privileges", defaultValue = "false")
    boolean privileges;

    /** The file to write (default: diff.sql, diff.txt or diff.json, by the format, in target/schemagate). */
    @Parameter(property = "schemagate.output")
    File output;

    /** The build's output folder, which holds the file when {@code output} is not set. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    File buildDirectory = new File("target");

    @Override
    void run() throws MojoFailureException {
        String kind = format.toLowerCase(Locale.ROOT);
        if (!List.of("text", "sql", "json").contains(kind)) {
            throw new InputException("<format>" + format + "</format> is not a diff format: use text, sql or json");
        }
        Dialect dialect = dialect(source, target);
        DiffRun.DiffOptions options = new DiffRun.DiffOptions(server().forSources(dialect, source, target), layout(), new SnapshotOptions(owners, privileges),
                columnOrder, unsafe, PROOF_ROWS);
        DiffRun.DiffResult result = DiffRun.run(dialect, source, target, options, !kind.equals("text"));
        PlanProof proof = result.proof();
        List<PlannedStatement> heldBack = proof == null ? List.of() : proof.heldBack();
        File output = this.output != null ? this.output : defaultOutput(buildDirectory, kind);
        write(output, switch (kind) {
            case "text" -> DiffText.render(result.diff(), "SOURCE", "TARGET");
            case "json" -> DiffJson.render(result.diff(), proof, heldBack, result.server());
            default -> proof.plan().script(heldBack);
        });
        getLog().info(String.format("Wrote %s: %d object(s) differ%s%s", output, result.diff().objects().size(),
                proof == null ? "" : ", " + proof.plan().statements().size() + " statement(s) planned and proven",
                result.server() == null ? "" : " (read on " + result.server() + ")"));
        if (proof != null && !proof.problems().isEmpty()) {
            throw new MojoFailureException("The plan did not pass validation on a scratch copy of the source:\n  - "
                    + String.join("\n  - ", proof.problems()));
        }
        if (kind.equals("sql") && !heldBack.isEmpty()) {
            StringBuilder message = new StringBuilder(heldBack.size()
                    + " statement(s) were held back (commented out in " + output
                    + "): those that can lose data, and the changes that cannot run without them; review them and set "
                    + "<unsafe>true</unsafe> to include them:");
            heldBack.forEach(statement -> message.append("\n  ").append(statement.sql().lines().findFirst().orElse("")));
            throw new MojoFailureException(message.toString());
        }
    }

    /** {@code schemagate/diff.sql}, {@code diff.txt} or {@code diff.json} in the build folder, by the format. */
    static File defaultOutput(File buildDirectory, String format) {
        return new File(new File(buildDirectory, "schemagate"), "diff." + (format.equals("text") ? "txt" : format));
    }
}
