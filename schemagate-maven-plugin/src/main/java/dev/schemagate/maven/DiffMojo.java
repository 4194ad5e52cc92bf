package dev.schemagate.maven;

import dev.schemagate.diff.DiffJson;
import dev.schemagate.diff.DiffText;
import dev.schemagate.diff.MigrationPlan;
import dev.schemagate.diff.PlannedStatement;
import dev.schemagate.diff.SchemaDiff;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.engine.SnapshotSource;
import dev.schemagate.migration.InputException;
import dev.schemagate.model.Snapshot;
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
 * the target. Statements that can lose data are held back unless {@code unsafe}, and then the build
 * fails, as the CLI exits with code 3; a difference alone does not fail it.
 */
@Mojo(name = "diff", threadSafe = true, requiresProject = false)
public final class DiffMojo extends SchemaMojo {

    /** The schema as it should become, in the same forms (the CLI's TARGET). */
    @Parameter(property = "schemagate.target", required = true)
    String target;

    /** text (a review, grouped by object), sql (the migration from source to target) or json. */
    @Parameter(property = "schemagate.format", defaultValue = "sql")
    String format;

    /** Include statements that can lose data (DROP TABLE, DROP COLUMN, narrowing type changes) in the SQL. */
    @Parameter(property = "schemagate.unsafe", defaultValue = "false")
    boolean unsafe;

    /** The file to write. */
    @Parameter(property = "schemagate.output", defaultValue = "${project.build.directory}/schemagate/diff.${schemagate.format}")
    File output;

    @Override
    void run() throws MojoFailureException {
        Dialect dialect = Dialects.byId("postgres");
        SnapshotOptions options = snapshotOptions();
        Snapshot from = SnapshotSource.read(source, dialect, server(), layout(), options);
        Snapshot to = SnapshotSource.read(target, dialect, server(), layout(), options);
        SchemaDiff diff = SchemaDiff.of(from, to);
        MigrationPlan plan = dialect.migrationPlan(from, to);
        List<PlannedStatement> heldBack = unsafe ? List.of() : plan.destructive();
        String text = switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> DiffText.render(diff, "SOURCE", "TARGET");
            case "json" -> DiffJson.render(diff, plan);
            case "sql" -> plan.script(heldBack);
            default -> throw new InputException("<format>" + format + "</format> is not a diff format: use text, sql or json");
        };
        write(output, text);
        getLog().info(String.format("Wrote %s: %d object(s) differ, %d statement(s) planned", output,
                diff.objects().size(), plan.statements().size()));
        if (format.equalsIgnoreCase("sql") && !heldBack.isEmpty()) {
            StringBuilder message = new StringBuilder(heldBack.size()
                    + " statement(s) that can lose data were held back (commented out in " + output
                    + "); review them and set <unsafe>true</unsafe> to include them:");
            heldBack.forEach(statement -> message.append("\n  ").append(statement.sql().lines().findFirst().orElse("")));
            throw new MojoFailureException(message.toString());
        }
    }
}
