package dev.schemagate.postgres.introspect;

import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotJson;
import dev.schemagate.model.SnapshotOptions;
import dev.schemagate.postgres.TestServer;
import dev.schemagate.postgres.ddl.PostgresSchemaWriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The snapshot oracle: load SQL into a fresh database and snapshot it; the snapshot must survive
 * JSON, and the schema file written from it, applied to another fresh database, must give the
 * same snapshot back.
 */
public final class RoundTrip {

    private static final Path FAILED_SCRIPTS = Path.of("target", "round-trip");

    private RoundTrip() {
    }

    public static DatabaseServer server() {
        return TestServer.shared();
    }

    public static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The oid of a relation, named as SQL names it ({@code schema.name} or a name on the search path). */
    public static long oid(Connection connection, String relation) throws SQLException {
        try (Statement statement = connection.createStatement();
             java.sql.ResultSet rs = statement.executeQuery("SELECT '" + relation + "'::regclass::oid")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Creates the roles the fixtures grant to; roles belong to the whole server, so once is enough. */
    public static void createRoles(Connection connection, String... roles) throws SQLException {
        for (String role : roles) {
            execute(connection, "DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN "
                    + "EXECUTE format('CREATE ROLE %I', '" + role + "'); END IF; END$$");
        }
    }

    /**
     * Creates the roles the corpus files (migra's fixtures, pgquarrel's pairs) grant to; synchronized
     * because roles are global to the server, and test classes run in parallel.
     */
    public static synchronized void createCorpusRoles() throws SQLException {
        try (ScratchDatabase database = server().createDatabase(); Connection connection = database.connect()) {
            createRoles(connection, "schemainspect_test_role", "same_role_1", "same_role_2", "same_role_3",
                    "same_role_4", "PGQ_same_role_4");
        }
    }

    /**
     * Runs a whole SQL file. The simple query protocol lets the server cut it into statements, which
     * the driver cannot do right for {@code BEGIN ATOMIC} bodies.
     */
    public static void load(ScratchDatabase database, String sql) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", database.username());
        if (database.password() != null) {
            properties.setProperty("password", database.password());
        }
        properties.setProperty("preferQueryMode", "simple");
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), properties)) {
            execute(connection, sql);
        }
    }

    public static Snapshot snapshotOf(DatabaseServer server, String sql) throws SQLException {
        try (ScratchDatabase database = server.createDatabase(); Connection connection = database.connect()) {
            load(database, sql);
            return PostgresIntrospector.snapshot(connection, SnapshotOptions.full());
        }
    }

    /** Checks the round trip of a schema on the shared test server and returns its snapshot. */
    static Snapshot check(String name, String sql) throws Exception {
        return check(server(), name, sql);
    }

    static Snapshot check(DatabaseServer server, String name, String sql) throws Exception {
        Snapshot original = snapshotOf(server, sql);
        assertThat(SnapshotJson.fromJson(SnapshotJson.toJson(original))).as("JSON round trip of " + name)
                .isEqualTo(original);
        String rendered = PostgresSchemaWriter.render(original);
        Snapshot rebuilt;
        try {
            rebuilt = snapshotOf(server, rendered);
        } catch (SQLException e) {
            fail(name + ": the written schema does not apply: " + e.getMessage() + "\n(see " + keep(name, rendered)
                    + ")");
            return original;
        }
        if (!rebuilt.equals(original)) {
            fail(name + ": the rebuilt database differs (see " + keep(name, rendered) + "):\n"
                    + SnapshotDifference.describe(original, rebuilt));
        }
        assertThat(PostgresSchemaWriter.render(rebuilt)).as("the schema file is deterministic").isEqualTo(rendered);
        return original;
    }

    private static Path keep(String name, String rendered) throws java.io.IOException {
        Files.createDirectories(FAILED_SCRIPTS);
        Path file = FAILED_SCRIPTS.resolve(name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".sql");
        Files.writeString(file, rendered);
        return file.toAbsolutePath();
    }
}
