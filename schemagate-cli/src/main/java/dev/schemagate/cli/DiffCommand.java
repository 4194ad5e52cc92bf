package dev.schemagate.cli;

import dev.schemagate.diff.DiffJson;
import dev.schemagate.diff.DiffText;
import dev.schemagate.diff.MigrationPlan;
import dev.schemagate.diff.PlannedStatement;
import dev.schemagate.diff.SchemaDiff;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.engine.SnapshotSource;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;
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
 * as the SQL that turns SOURCE into TARGET, with statements that can lose data held back unless
 * {@code --unsafe}.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Show what differs between two schemas (migrations folder, DIR@VERSION, .sql, snapshot .json "
                + "or jdbc: URL), or the SQL that turns SOURCE into TARGET.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  no difference", "  1  differences", "  2  usage or input error",
                "  3  destructive statements held back (--format sql without --unsafe)",
                "  4  the database could not be had"})
public final class DiffCommand implements Callable<Integer> {

    /** How to show the difference. */
    enum Format { text, sql, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "The schema as it is: DIR, DIR@VERSION, FILE.sql, FILE.json or a jdbc: URL.")
    String source;

    @Parameters(index = "1", paramLabel = "TARGET", description = "The schema as it should become, in the same forms.")
    String target;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (a review, grouped by object), sql (the migration from SOURCE to TARGET) or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--unsafe", description = "Include statements that can lose data (DROP TABLE, DROP COLUMN, narrowing type changes) in the SQL.")
    boolean unsafe;

    @Mixin
    SnapshotContentOptions content;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        Dialect dialect = Dialects.byId("postgres");
        SnapshotOptions options = content.options();
        Snapshot from = SnapshotSource.read(source, dialect, database.server(), database.layout(), options);
        Snapshot to = SnapshotSource.read(target, dialect, database.server(), database.layout(), options);
        SchemaDiff diff = SchemaDiff.of(from, to);
        PrintWriter out = spec.commandLine().getOut();
        int differs = diff.isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
        switch (format) {
            case text -> out.print(DiffText.render(diff, "SOURCE", "TARGET"));
            case json -> out.print(DiffJson.render(diff, dialect.migrationPlan(from, to)));
            case sql -> {
                return sql(dialect.migrationPlan(from, to), out, differs);
            }
        }
        out.flush();
        return differs;
    }

    private int sql(MigrationPlan plan, PrintWriter out, int differs) {
        List<PlannedStatement> heldBack = unsafe ? List.of() : plan.destructive();
        out.println("-- Migration from " + JdbcUrls.redact(source) + " to " + JdbcUrls.redact(target) + ", written by Schemagate.");
        out.print(plan.script(heldBack));
        out.flush();
        if (heldBack.isEmpty()) {
            return differs;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf("%d statement(s) that can lose data were held back (commented out above); review them and run "
                + "with --unsafe to include them:%n", heldBack.size());
        heldBack.forEach(statement -> err.println("  " + statement.sql().lines().findFirst().orElse("")));
        err.flush();
        return ExitCode.HELD_BACK;
    }
}
