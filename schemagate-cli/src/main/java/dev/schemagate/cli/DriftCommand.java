package dev.schemagate.cli;

import dev.schemagate.diff.DiffJson;
import dev.schemagate.diff.DiffText;
import dev.schemagate.diff.DriftConfig;
import dev.schemagate.diff.SchemaDiff;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.engine.SnapshotSource;
import dev.schemagate.migration.InputException;
import dev.schemagate.model.Snapshot;
import dev.schemagate.postgres.server.JdbcUrls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code schemagate drift}: does each environment still look like what the migrations produce?
 * Environments come from {@code schemagate.yml} (credentials from environment variables) or are
 * named directly; live databases are read in read-only transactions, and passwords are never printed.
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Compare the expected schema (usually the migrations folder) with one or more environments.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  no environment drifted", "  1  at least one environment differs from the expected schema",
                "  2  usage or input error (config file, missing variable)",
                "  4  an environment could not be read (the others are still compared)"})
public final class DriftCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--expected", required = true, paramLabel = "SOURCE",
            description = "What the environments should look like: DIR, DIR@VERSION, FILE.sql, FILE.json or a jdbc: URL.")
    String expected;

    @Option(names = "--actual", paramLabel = "ENV|SOURCE",
            description = "An environment of the config file, or a source; repeatable. Default: every environment in the config.")
    List<String> actual;

    @Option(names = "--config", defaultValue = "schemagate.yml", paramLabel = "FILE",
            description = "The config with environments: and ignore: sections (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    ComparedContentOptions content;

    @Mixin
    DatabaseOptions database;

    @ParentCommand
    SchemagateCommand parent;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new InputException("--format " + format + " is not a drift format; use text or json");
        }
        DriftConfig settings = DriftConfig.load(config);
        List<String> targets = actual != null ? actual : new ArrayList<>(settings.environments().keySet());
        if (targets.isEmpty()) {
            throw new InputException("no environment to compare: name one with --actual, or list them under "
                    + "environments: in " + config);
        }
        Dialect dialect = database.dialect(expected);
        Snapshot want = settings.ignore().apply(read(expected, dialect));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean drifted = false;
        boolean unreadable = false;
        StringBuilder json = new StringBuilder("{\n");
        for (String target : targets) {
            DriftConfig.Environment environment = settings.environments().get(target);
            String source = environment == null ? target : settings.jdbcUrl(environment, parent.environment());
            String name = environment == null ? JdbcUrls.redact(target) : target;
            SchemaDiff diff;
            try {
                diff = SchemaDiff.of(want, settings.ignore().apply(read(source, dialect)));
            } catch (InfrastructureException e) {
                unreadable = true;
                err.println(name + ": could not be read: " + JdbcUrls.redact(e.getMessage()));
                continue;
            }
            drifted |= !diff.isEmpty();
            if (format.equals("json")) {
                json.append(json.length() > 2 ? ",\n" : "").append("  \"").append(name.replace("\"", "\\\""))
                        .append("\": ").append(DiffJson.render(diff).strip().replace("\n", "\n  "));
            } else {
                out.println(diff.isEmpty() ? name + ": no drift" : "== " + name + ": drifted");
                if (!diff.isEmpty()) {
                    out.print(DiffText.render(diff, "expected", name).indent(2));
                }
            }
        }
        if (format.equals("json")) {
            out.print(json.append("\n}\n"));
        }
        out.flush();
        err.flush();
        return unreadable ? ExitCode.INFRASTRUCTURE : drifted ? ExitCode.FINDINGS : ExitCode.OK;
    }

    private Snapshot read(String source, Dialect dialect) {
        return SnapshotSource.read(source, dialect, database.server(), database.layout(), content.options());
    }
}
