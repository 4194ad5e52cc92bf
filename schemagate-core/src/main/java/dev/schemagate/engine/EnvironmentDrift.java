package dev.schemagate.engine;

import dev.schemagate.applied.AppliedState;
import dev.schemagate.applied.HistoryLookup;
import dev.schemagate.applied.HistoryTables;
import dev.schemagate.applied.HistoryTool;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.diff.IgnoreRules;
import dev.schemagate.diff.SchemaDiff;
import dev.schemagate.migration.FlywaySettings;
import dev.schemagate.migration.InputException;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.migration.MigrationsConfig;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares environments with what they should look like. When the expected side is a migrations
 * folder and the environment a live database with a history table, the environment is compared
 * with the migrations it applied (the folder at its version), and the history itself is checked;
 * otherwise with the whole expected source. Expected snapshots are built once per set of migrations.
 */
public final class EnvironmentDrift {

    /**
     * One environment compared.
     *
     * @param diff           the schema differences, expected → environment
     * @param state          where the environment is in the folder, when its history table was read
     * @param historyMissing true when the history was looked for and the environment has no table
     * @param notRebuilt     why the migrations the history lists could not be applied without the
     *                       older pending ones (a row deleted from the table), so the schema was not compared
     */
    public record Result(SchemaDiff diff, Optional<AppliedState> state, boolean historyMissing, Optional<String> notRebuilt) {

        /** True when the schema differs, could not be rebuilt, or the history shows failures, unknown versions or edited scripts. */
        public boolean drifted() {
            return !diff.isEmpty() || notRebuilt.isPresent() || state.map(AppliedState::troubled).orElse(false);
        }
    }

    /**
     * How one environment's history is to be read.
     *
     * @param history {@code auto}, {@code none}, or a tool id
     * @param table   the table's {@code schema.name} or {@code name}, or ""
     */
    public record HistoryChoice(String history, String table) {

        public static HistoryChoice auto() {
            return new HistoryChoice("auto", "");
        }
    }

    private final String expected;
    private final Dialect dialect;
    private final ServerOptions server;
    private final Layout layout;
    private final SnapshotOptions options;
    private final IgnoreRules ignore;
    private final Map<List<String>, Snapshot> snapshots = new HashMap<>();
    private MigrationSet set;
    private FlywaySettings flyway;

    public EnvironmentDrift(String expected, Dialect dialect, ServerOptions server, Layout layout, SnapshotOptions options,
                            IgnoreRules ignore) {
        this.expected = expected;
        this.dialect = dialect;
        this.server = server;
        this.layout = layout;
        this.options = options;
        this.ignore = ignore;
    }

    /** The expected source as a whole (for an environment without history), read once. */
    public Snapshot whole() {
        return snapshots.computeIfAbsent(List.of(), key -> ignore.apply(SnapshotSource.read(expected, dialect, server, layout, options)));
    }

    /** Compares the environment {@code actual} (a source; {@code name} is how the report calls it). */
    public Result compare(String actual, String name, HistoryChoice choice) {
        Path folder = Path.of(expected);
        boolean byHistory = actual.startsWith("jdbc:") && Files.isDirectory(folder) && !choice.history().equals("none");
        Optional<AppliedState> state = Optional.empty();
        if (byHistory) {
            if (set == null) {
                set = MigrationDiscovery.discover(folder, layout, Dialects.names(dialect));
                flyway = MigrationsConfig.forRun(folder).flyway();
            }
            HistoryTables.Wanted wanted = new HistoryTables.Wanted(
                    choice.history().equals("auto") ? Optional.empty() : Optional.of(tool(choice.history(), name)),
                    Optional.of(choice.table()).filter(t -> !t.isEmpty()), set.layout(),
                    flyway.builtIns().getOrDefault("table", "flyway_schema_history"),
                    flyway.builtIns().getOrDefault("defaultSchema", ""));
            state = HistoryLookup.read(actual, dialect, set, wanted, name);
        }
        Snapshot want;
        try {
            want = state.map(this::atVersion).orElseGet(this::whole);
        } catch (InputException e) {
            if (state.get().outOfOrder().isEmpty()) {
                throw e;
            }
            return new Result(new SchemaDiff(List.of()), state, false, Optional.of(e.getMessage()));
        }
        IgnoreRules rules = state.map(s -> withBookkeeping(s.table().bookkeeping())).orElse(ignore);
        SchemaDiff diff = SchemaDiff.of(want, rules.apply(SnapshotSource.read(actual, dialect, server, layout, options)));
        return new Result(diff, state, byHistory && state.isEmpty(), Optional.empty());
    }

    private static HistoryTool tool(String id, String environment) {
        try {
            return HistoryTool.fromId(id);
        } catch (InputException e) {
            throw new InputException("environments." + environment + ".history: " + e.getMessage(), e);
        }
    }

    private Snapshot atVersion(AppliedState state) {
        List<String> key = new ArrayList<>(state.applied().stream().map(Migration::displayName).toList());
        key.add(0, "at");
        return snapshots.computeIfAbsent(key, k -> ignore.apply(SnapshotSource.applied(
                state.applied().stream().map(Migration::up).toList(), dialect, server, options)));
    }

    /** The rules plus the history table and the tool's other bookkeeping objects, which the migrations do not create. */
    private IgnoreRules withBookkeeping(List<String> objects) {
        List<String> names = new ArrayList<>(ignore.names());
        names.addAll(objects);
        return new IgnoreRules(ignore.schemas(), names, ignore.kinds());
    }
}
