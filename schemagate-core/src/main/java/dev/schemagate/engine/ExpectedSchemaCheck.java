package dev.schemagate.engine;

import dev.schemagate.check.Finding;
import dev.schemagate.check.Severity;
import dev.schemagate.diff.DiffText;
import dev.schemagate.diff.SchemaDiff;
import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.migration.Location;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotOptions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code verify --expected}: the schema the migrations end in must be the expected one (a schema
 * file or a snapshot checked in beside them); any difference is one finding that shows it.
 */
public final class ExpectedSchemaCheck {

    /** The rule id of the finding, documented in {@code docs/rules/}. */
    public static final String RULE_ID = "expected.schema-differs";

    private ExpectedSchemaCheck() {
    }

    /**
     * Compares the schema {@code connection} sees with the expected one.
     *
     * @param server where a {@code .sql} expected schema is applied, on a scratch database of its own
     */
    public static List<Finding> check(Dialect dialect, DatabaseServer server, Connection connection,
                                      VerifyOptions options) throws SQLException {
        Snapshot expected = SnapshotSource.read(options.expected(), dialect, server, options.layout(), SnapshotOptions.full());
        return check(expected, dialect.snapshot(connection, SnapshotOptions.full()), options);
    }

    /** Compares a migrated schema with the expected one, already read (a caller comparing many keeps it). */
    public static List<Finding> check(Snapshot expected, Snapshot actual, VerifyOptions options) {
        SchemaDiff diff = SchemaDiff.of(expected, actual);
        if (diff.isEmpty()) {
            return List.of();
        }
        List<String> evidence = DiffText.render(diff, "expected", "migrated").lines().toList();
        return List.of(new Finding(RULE_ID, Severity.ERROR, Location.of(Path.of(options.expected())),
                "the migrated schema differs from " + options.expected() + ": " + diff.summary("the expected schema", "the migrations"),
                "if the migrations are right, regenerate the expected schema with `schemagate snapshot "
                        + options.directory() + " -o " + options.expected() + "`; otherwise add a migration that "
                        + "makes the difference (`schemagate diff " + options.directory() + " " + options.expected()
                        + " --format sql` writes it)", evidence));
    }
}
