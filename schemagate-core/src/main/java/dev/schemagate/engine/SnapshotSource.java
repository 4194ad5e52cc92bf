package dev.schemagate.engine;

import dev.schemagate.check.Finding;
import dev.schemagate.check.OutsideReach;
import dev.schemagate.check.ScriptOutcome;
import dev.schemagate.check.ScriptRunner;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.dialect.StartingServer;
import dev.schemagate.migration.InputException;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.migration.RunCondition;
import dev.schemagate.migration.Script;
import dev.schemagate.migration.SpringBootMigrations;
import dev.schemagate.migration.Version;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotJson;
import dev.schemagate.model.SnapshotOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.Function;

/**
 * Anything that yields a snapshot, as users write it: a migrations folder (applied on a throwaway
 * database, optionally only up to {@code @version}), or a Spring Boot project folder, whose
 * migrations and their settings are where its application settings say (see
 * {@link SpringBootMigrations}), a {@code .sql} schema file (applied
 * likewise), a snapshot {@code .json}, or a {@code jdbc:} URL of a live database (read in a
 * read-only transaction; nothing is written).
 */
public final class SnapshotSource {

    private SnapshotSource() {
    }

    /**
     * Reads the snapshot {@code source} describes, starting a server (as {@code server} says) if it
     * must apply SQL: a private one as early as that is known, while the SQL is read.
     */
    public static Snapshot read(String source, Dialect dialect, ServerOptions server, Layout layout, SnapshotOptions options) {
        if (!server.shared() && appliesSql(source)) {
            try (DatabaseServer started = StartingServer.begin(dialect, server)) {
                return read(source, dialect, started, layout, options);
            }
        }
        return read(source, dialect, layout, options, migrations -> appliedMigrations(migrations, dialect, server, options));
    }

    /** The snapshot of a database these scripts were applied to, in order, on a server started as {@code server} says. */
    public static Snapshot applied(List<Script> scripts, Dialect dialect, ServerOptions server, SnapshotOptions options) {
        return appliedMigrations(scripts.stream().map(SnapshotSource::unconditioned).toList(), dialect, server, options);
    }

    private static Snapshot appliedMigrations(List<Migration> migrations, Dialect dialect, ServerOptions server, SnapshotOptions options) {
        if (server.shared()) {
            refuseOutsideReach(dialect, migrations.stream().map(Migration::up).toList());
        }
        try (DatabaseServer started = dialect.start(server)) {
            return applied(migrations, dialect, started, options);
        }
    }

    /** Reads the snapshot {@code source} describes, applying any SQL on a scratch database of a server already running. */
    public static Snapshot read(String source, Dialect dialect, DatabaseServer running, Layout layout, SnapshotOptions options) {
        return read(source, dialect, layout, options, migrations -> applied(migrations, dialect, running, options));
    }

    private static Snapshot read(String source, Dialect dialect, Layout layout, SnapshotOptions options,
                                 Function<List<Migration>, Snapshot> apply) {
        if (source.startsWith("jdbc:")) {
            return live(source, dialect, options);
        }
        int at = source.lastIndexOf('@');
        Path path = pathOf(source);
        String versionText = at > 0 && !Files.exists(Path.of(source)) ? source.substring(at + 1) : null;
        if (versionText != null && !Files.isDirectory(path)) {
            throw new InputException(source + ": " + path + " is not a migrations folder; only a folder takes @VERSION");
        }
        if (Files.isDirectory(path)) {
            Optional<SpringBootMigrations> spring = SpringBootMigrations.forRun(path, null, Dialects.springVendors(dialect.id(), null));
            MigrationSet set = MigrationDiscovery.discover(spring.map(SpringBootMigrations::location).orElse(path), layout,
                    Dialects.names(dialect), spring.map(SpringBootMigrations::settings).orElse(Map.of()));
            Version upTo = versionText == null ? null : version(set, versionText, source);
            List<Migration> migrations = new ArrayList<>();
            for (Migration migration : set.migrations()) {
                if (upTo == null || (migration.version() != null && migration.version().compareTo(upTo) <= 0)) {
                    migrations.add(migration);
                }
            }
            return apply.apply(migrations);
        }
        if (!Files.isRegularFile(path)) {
            throw new InputException(source + ": no such file or folder; name a migrations folder, a .sql or .json file, or a jdbc: URL");
        }
        String name = path.getFileName().toString().toLowerCase();
        if (name.endsWith(".json")) {
            try {
                return SnapshotJson.fromJson(readText(path));
            } catch (IllegalArgumentException e) {
                throw new InputException(source + ": " + e.getMessage() + "; a snapshot file is what "
                        + "'schemagate snapshot SOURCE -o FILE.json' writes");
            }
        }
        if (name.endsWith(".sql")) {
            return apply.apply(List.of(unconditioned(Script.of(path, readText(path)))));
        }
        throw new InputException(source + ": not a snapshot source; name a migrations folder, a .sql or .json file, or a jdbc: URL");
    }

    /** Whether reading the source applies SQL on a database: a migrations folder or a {@code .sql} file. */
    public static boolean appliesSql(String source) {
        if (source.startsWith("jdbc:")) {
            return false;
        }
        Path path = pathOf(source);
        return Files.isDirectory(path)
                || (Files.isRegularFile(path) && path.getFileName().toString().toLowerCase().endsWith(".sql"));
    }

    /** The file or folder a source names, without the {@code @VERSION} a folder may carry. */
    private static Path pathOf(String source) {
        int at = source.lastIndexOf('@');
        return Path.of(at > 0 && !Files.exists(Path.of(source)) ? source.substring(0, at) : source);
    }

    private static Migration unconditioned(Script script) {
        return new Migration(null, script.file().getFileName().toString(), script, Optional.empty());
    }

    /**
     * Applies the migrations in order, each as its run condition decides (see {@link RunCondition#of}),
     * as verify does: a skipped one is left out, one that stops the run is an input error.
     */
    private static Snapshot applied(List<Migration> migrations, Dialect dialect, DatabaseServer server, SnapshotOptions options) {
        ScriptRunner runner = new ScriptRunner(dialect);
        try (ScratchDatabase database = server.createDatabase();
             Connection connection = database.connect()) {
            List<Migration> applied = new ArrayList<>();
            for (Migration migration : migrations) {
                RunCondition.Decision decision = RunCondition.of(migration, connection, applied);
                if (decision.verdict() == RunCondition.Verdict.SKIP) {
                    continue;
                }
                if (decision.verdict() == RunCondition.Verdict.HALT) {
                    throw new InputException(decision.whole().orElse(migration.up().location()) + ": " + migration.displayName()
                            + ": the preconditions stop the run here (" + decision.handling() + "): " + decision.message()
                            + "; fix them, or change how they are handled, to take a snapshot");
                }
                applied.add(migration);
                ScriptOutcome outcome = runner.run(connection, migration.up());
                if (!outcome.succeeded()) {
                    Finding failure = outcome.failure().orElseThrow();
                    throw new InputException(failure.location() + ": " + failure.message() + "; fix it to take a snapshot");
                }
            }
            return dialect.snapshot(connection, database::connect, options);
        } catch (SQLException e) {
            throw new InfrastructureException("lost the connection to the database: " + e.getMessage(), e);
        }
    }

    /** On a server the run does not own, SQL that reaches outside its scratch database is an input error. */
    private static void refuseOutsideReach(Dialect dialect, List<Script> scripts) {
        for (Script script : scripts) {
            for (OutsideReach.Reaching reaching : OutsideReach.in(dialect, script)) {
                Finding refused = OutsideReach.refused(reaching);
                throw new InputException(refused.location() + ": " + refused.message() + ". " + refused.hint());
            }
        }
    }

    private static Snapshot live(String url, Dialect dialect, SnapshotOptions options) {
        try (Connection connection = dialect.connectLive(url)) {
            return dialect.snapshot(connection, () -> dialect.connectLive(url), options);
        } catch (SQLException e) {
            throw new InfrastructureException("could not read the live database: " + e.getMessage()
                    + " (check the URL, the server and the credentials)", e);
        }
    }

    /**
     * The version of a migration of the set, written as its file or folder names it
     * ({@code 0003}, {@code 1.2}, {@code 2019-11-11-162609}).
     *
     * @throws InputException listing the versions when no migration has it
     */
    private static Version version(MigrationSet set, String text, String source) {
        List<Version> versions = set.migrations().stream().map(Migration::version).filter(Objects::nonNull).toList();
        String digits = text.matches("\\d[\\d-]*\\d") ? text.replace("-", "") : text;
        if (Version.isVersion(digits) && versions.contains(Version.parse(digits))) {
            return Version.parse(digits);
        }
        String listed = versions.size() <= 10 ? join(versions)
                : join(versions.subList(0, 5)) + ", …, " + join(versions.subList(versions.size() - 5, versions.size()));
        throw new InputException(source + ": no migration has version '" + text + "'; "
                + (versions.isEmpty() ? "the folder holds no versioned migration"
                : "the " + versions.size() + " versions are " + listed));
    }

    private static String join(List<Version> versions) {
        return versions.stream().map(Version::text).collect(Collectors.joining(", "));
    }

    private static String readText(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(path + ": cannot be read as UTF-8 text (" + e.getMessage() + ")");
        }
    }
}
