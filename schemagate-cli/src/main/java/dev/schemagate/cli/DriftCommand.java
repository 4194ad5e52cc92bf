package dev.schemagate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.applied.AppliedStateReport;
import dev.schemagate.diff.DiffJson;
import dev.schemagate.diff.DiffText;
import dev.schemagate.diff.DriftConfig;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.engine.EnvironmentDrift;
import dev.schemagate.migration.InputException;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.postgres.server.JdbcUrls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code schemagate drift}: does each environment still look like what the migrations produce?
 * Environments come from {@code schemagate.yml} (credentials from environment variables) or are
 * named directly; live databases are read in read-only transactions, and passwords are never printed.
 */
@Command(name = "drift", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Compare the expected schema (usually the migrations folder) with one or more environments.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  no environment drifted (pending migrations alone are no drift)",
                "  1  at least one environment differs from the expected schema, or its history table records a failed",
                "     migration, a version the folder lacks, or a script edited after it was applied",
                "  2  usage or input error (config file, missing variable)",
                "  4  an environment could not be read (the others are still compared)"})
public final class DriftCommand implements Callable<Integer> {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Option(names = "--expected", required = true, paramLabel = "SOURCE",
            description = "What the environments should look like: DIR, DIR@VERSION, FILE.sql, FILE.json or a jdbc: URL. "
                    + "With DIR, a live environment is compared with the migrations its history table says it applied.")
    String expected;

    @Option(names = "--actual", paramLabel = "ENV|SOURCE",
            description = "An environment of the config file, or a source; repeatable. Default: every environment in the config.")
    List<String> actual;

    /** The config with environments: and ignore: sections, looked up as every command looks up its config (the --expected folder's). */
    @Mixin
    ConfigFileOption configOption;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    ComparedContentOptions content;

    @Mixin
    DatabaseOptions database;

    @ParentCommand
    SchemagateCommand parent;

    @Override
    public Integer call() throws JsonProcessingException {
        if (!format.equals("text") && !format.equals("json")) {
            throw new InputException("--format " + format + " is not a drift format; use text or json");
        }
        Path config = configFile();
        DriftConfig settings = DriftConfig.load(config);
        List<String> targets = actual != null ? actual : new ArrayList<>(settings.environments().keySet());
        if (targets.isEmpty()) {
            throw new InputException("no environment to compare: name one with --actual, or list them under "
                    + "environments: in " + config);
        }
        Dialect dialect = database.dialect(expected);
        EnvironmentDrift drift = new EnvironmentDrift(expected, dialect, database.server(dialect, config), database.layout(), content.options(),
                settings.ignore());
        if (!Files.isDirectory(Path.of(expected))) {
            drift.whole();
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean drifted = false;
        boolean unreadable = false;
        ObjectNode json = MAPPER.createObjectNode();
        for (String target : targets) {
            DriftConfig.Environment environment = settings.environments().get(target);
            String source = environment == null ? target : settings.jdbcUrl(environment, parent.environment());
            String name = environment == null ? JdbcUrls.redact(target) : target;
            EnvironmentDrift.HistoryChoice choice = environment == null ? EnvironmentDrift.HistoryChoice.auto()
                    : new EnvironmentDrift.HistoryChoice(environment.history(), environment.historyTable());
            EnvironmentDrift.Result result;
            try {
                result = drift.compare(source, name, choice);
            } catch (InfrastructureException e) {
                unreadable = true;
                err.println(name + ": could not be read: " + JdbcUrls.redact(e.getMessage()));
                continue;
            }
            drifted |= result.drifted();
            if (format.equals("json")) {
                json.set(name, json(result));
            } else {
                text(out, name, result);
            }
        }
        if (format.equals("json")) {
            out.print(MAPPER.writeValueAsString(json) + "\n");
        }
        out.flush();
        err.flush();
        return unreadable ? ExitCode.INFRASTRUCTURE : drifted ? ExitCode.FINDINGS : ExitCode.OK;
    }

    /**
     * The config this run reads: {@code --config}, else the {@code schemagate.yml} (or {@code .yaml})
     * of the {@code --expected} folder, else {@code schemagate.yml} in the current folder, as for every command.
     */
    private Path configFile() {
        Path given = configOption.configFile();
        if (given != null) {
            return given;
        }
        Path folder = Path.of(expected.startsWith("jdbc:") ? "." : expected.replaceFirst("@[^/\\\\]*$", ""));
        return Files.isDirectory(folder) ? MigrationDiscovery.configFile(folder) : Path.of(MigrationDiscovery.CONFIG_FILE_NAMES.get(0));
    }

    private static void text(PrintWriter out, String name, EnvironmentDrift.Result result) {
        String where = result.state().map(AppliedStateReport::summary).map(s -> s + ", ")
                .orElse(result.historyMissing() ? "no history table, so compared with the folder's end: " : "");
        String verdict = result.drifted() ? "drifted" : "no drift";
        out.println(result.drifted() ? "== " + name + ": " + where + verdict : name + ": " + where + verdict);
        result.state().ifPresent(state -> AppliedStateReport.details(state).forEach(line -> out.println("  " + line)));
        result.notRebuilt().ifPresent(why -> out.println("  not compared: the migrations the history lists do not apply without the"
                + " out-of-order ones (was a row deleted from the history table?): " + why));
        if (!result.diff().isEmpty()) {
            out.print(DiffText.render(result.diff(), "expected", name).indent(2));
        }
    }

    private static JsonNode json(EnvironmentDrift.Result result) throws JsonProcessingException {
        ObjectNode node = (ObjectNode) MAPPER.readTree(DiffJson.render(result.diff()));
        if (result.state().isPresent()) {
            ObjectNode history = AppliedStateReport.json(result.state().get(), MAPPER);
            result.notRebuilt().ifPresent(why -> history.put("notRebuilt", why));
            node.set("history", history);
        } else if (result.historyMissing()) {
            node.putNull("history");
        }
        return node;
    }
}
