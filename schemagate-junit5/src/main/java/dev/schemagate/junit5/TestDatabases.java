package dev.schemagate.junit5;

import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.MigrationDiscovery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the tests of one JVM share: one embedded server per PostgreSQL major (stopped and removed
 * by the server itself when the JVM ends), the migrations of each location, and one template
 * database per location and start position, built once and cloned for every test.
 */
final class TestDatabases {

    private static final Dialect DIALECT = Dialects.byId("postgres");
    private static final Map<String, DatabaseServer> SERVERS = new ConcurrentHashMap<>();
    private static final Map<String, ScratchDatabase> ANCHORS = new ConcurrentHashMap<>();
    private static final Map<PlanKey, MigrationPlan> PLANS = new ConcurrentHashMap<>();
    private static final Map<TemplateKey, ScratchDatabase> TEMPLATES = new ConcurrentHashMap<>();
    private static final Map<TemplateKey, Future<ScratchDatabase>> SPARES = new ConcurrentHashMap<>();
    private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "schemagate-test-databases");
        thread.setDaemon(true);
        return thread;
    });

    private TestDatabases() {
    }

    /** Where a plan's migrations come from, and the tool settings they are read with. */
    private record PlanKey(Path directory, Layout layout, Map<String, String> settings) {
    }

    /** A template: a location's migrations applied up to a position on one server. */
    private record TemplateKey(String pgVersion, PlanKey plan, int position) {
    }

    /** The plan of a location read with flat {@code flyway.*} and {@code liquibase.*} settings (a Spring Boot application's). */
    static MigrationPlan plan(Path directory, Layout layout, Map<String, String> settings) {
        return PLANS.computeIfAbsent(new PlanKey(directory.toAbsolutePath().normalize(), layout, Map.copyOf(settings)),
                key -> new MigrationPlan(MigrationDiscovery.discover(key.directory(), key.layout(),
                        Dialects.names(DIALECT), key.settings()), DIALECT));
    }

    static DatabaseServer server(String pgVersion) {
        return SERVERS.computeIfAbsent(pgVersion, version -> DIALECT.start(ServerOptions.embedded(version)));
    }

    /**
     * A new database at a position of the plan, cloned from that position's template. The clone
     * for the next test of the same template is made in the background meanwhile, so a test
     * waits only for what the previous test's run time did not cover.
     */
    static ScratchDatabase database(String pgVersion, Path directory, Layout layout, int position) {
        return database(pgVersion, directory, layout, Map.of(), position);
    }

    static ScratchDatabase database(String pgVersion, Path directory, Layout layout, Map<String, String> settings, int position) {
        DatabaseServer server = server(pgVersion);
        MigrationPlan plan = plan(directory, layout, settings);
        TemplateKey key = new TemplateKey(pgVersion, new PlanKey(directory.toAbsolutePath().normalize(), layout,
                Map.copyOf(settings)), position);
        ScratchDatabase template = TEMPLATES.computeIfAbsent(key, k -> template(server, plan, position));
        Future<ScratchDatabase> spare = SPARES.remove(key);
        ScratchDatabase database = spare == null ? server.cloneDatabase(template) : taken(spare, server, template);
        SPARES.put(key, BACKGROUND.submit(() -> server.cloneDatabase(template)));
        return database;
    }

    /** Drops a test's database in the background, so the next test need not wait for it. */
    static void release(ScratchDatabase database) {
        BACKGROUND.execute(database::close);
    }

    /** Waits until the background work submitted so far is done. */
    static void settle() throws InterruptedException, ExecutionException {
        BACKGROUND.submit(() -> { }).get();
    }

    private static ScratchDatabase taken(Future<ScratchDatabase> spare, DatabaseServer server, ScratchDatabase template) {
        try {
            return spare.get();
        } catch (ExecutionException failed) {
            return server.cloneDatabase(template);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("interrupted while waiting for a test database", e);
        }
    }

    /**
     * Server options that point a {@link dev.schemagate.engine.Verifier} at the shared server of
     * that major instead of starting another: the URL of a database kept only to connect through.
     */
    static ServerOptions sharedServerOptions(String pgVersion) {
        ScratchDatabase anchor = ANCHORS.computeIfAbsent(pgVersion, version -> server(version).createDatabase());
        String user = URLEncoder.encode(anchor.username(), StandardCharsets.UTF_8);
        String password = URLEncoder.encode(anchor.password(), StandardCharsets.UTF_8);
        return ServerOptions.privateServer(pgVersion, anchor.jdbcUrl() + "?user=" + user + "&password=" + password);
    }

    private static ScratchDatabase template(DatabaseServer server, MigrationPlan plan, int position) {
        ScratchDatabase template = server.createDatabase();
        try (Connection connection = template.connect()) {
            plan.apply(connection, 0, position);
            return template;
        } catch (SQLException e) {
            template.close();
            throw new InfrastructureException("lost the connection to template database " + template.name() + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            template.close();
            throw e;
        }
    }
}
