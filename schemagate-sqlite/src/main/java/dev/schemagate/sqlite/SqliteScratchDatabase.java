package dev.schemagate.sqlite;

import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.RunnerFunctions;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.Timeouts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** One scratch database: a file; closing deletes it and its journal. */
final class SqliteScratchDatabase implements ScratchDatabase {

    private final Path file;
    private final Timeouts timeouts;
    private final RunnerFunctions functions;

    SqliteScratchDatabase(Path file, Timeouts timeouts, RunnerFunctions functions) {
        this.file = file;
        this.timeouts = timeouts;
        this.functions = functions;
    }

    Path file() {
        return file;
    }

    @Override
    public String name() {
        return file.getFileName().toString();
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:sqlite:" + file;
    }

    @Override
    public String username() {
        return "";
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public Connection connect() throws SQLException {
        return SqliteConnections.open(jdbcUrl(), timeouts, false, functions);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + "-journal"));
        } catch (IOException e) {
            throw new InfrastructureException("could not delete " + file + ": " + e.getMessage(), e);
        }
    }
}
