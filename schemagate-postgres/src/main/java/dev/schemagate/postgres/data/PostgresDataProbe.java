package dev.schemagate.postgres.data;

import dev.schemagate.data.DataProbe;
import dev.schemagate.data.IntegrityProblem;
import dev.schemagate.data.SeedReport;
import dev.schemagate.data.TableRows;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** PostgreSQL's {@link DataProbe}: the {@link Seeder}, the {@link RowCapture} and one integrity query. */
public final class PostgresDataProbe implements DataProbe {

    private static final String INTEGRITY = read("integrity.sql");

    @Override
    public SeedReport seed(Connection connection, Snapshot snapshot, Collection<QualifiedName> tables,
                           int rowsPerTable, long seed) throws SQLException {
        return Seeder.seed(connection, snapshot, tables, rowsPerTable, seed);
    }

    @Override
    public Map<QualifiedName, TableRows> capture(Connection connection, Snapshot snapshot,
                                                 Collection<QualifiedName> tables) throws SQLException {
        return RowCapture.capture(connection, snapshot, tables);
    }

    @Override
    public List<IntegrityProblem> integrity(Connection connection) throws SQLException {
        List<IntegrityProblem> problems = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(INTEGRITY)) {
            while (rows.next()) {
                problems.add(new IntegrityProblem(IntegrityProblem.Kind.valueOf(rows.getString(1)),
                        QualifiedName.of(rows.getString(2), rows.getString(3)), rows.getString(4), rows.getString(5)));
            }
        }
        return problems;
    }

    private static String read(String resource) {
        try (InputStream in = PostgresDataProbe.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
