package dev.schemagate.sqlite;

import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.RunnerFunctions;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.Timeouts;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * SQLite has no server: this stands for one so the engine can treat it as any other. Its scratch
 * databases are files in a folder of the run's own, made owner-only in one step; a clone is a file
 * copy (the source has no open connection, so the copy is consistent); closing removes the folder.
 */
final class SqliteServer implements DatabaseServer {

    private final Path folder;
    private final Timeouts timeouts;
    private final RunnerFunctions functions;
    private final String version;
    private final AtomicInteger counter = new AtomicInteger();

    private SqliteServer(Path folder, Timeouts timeouts, RunnerFunctions functions, String version) {
        this.folder = folder;
        this.timeouts = timeouts;
        this.functions = functions;
        this.version = version;
    }

    /** A stand-in server whose scratch databases define {@code functions} on every connection. */
    static SqliteServer start(Timeouts timeouts, RunnerFunctions functions) {
        Path folder;
        try {
            folder = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempDirectory("schemagate-sqlite-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory("schemagate-sqlite-");
        } catch (IOException e) {
            throw new InfrastructureException("could not make a private folder for the SQLite scratch databases: "
                    + e.getMessage() + " (set java.io.tmpdir to a folder you can write)", e);
        }
        return new SqliteServer(folder, timeouts, functions, engineVersion());
    }

    private static String engineVersion() {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
             ResultSet rows = connection.createStatement().executeQuery("select sqlite_version()")) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new InfrastructureException("the SQLite engine of sqlite-jdbc did not load: " + e.getMessage(), e);
        }
    }

    @Override
    public String description() {
        return "embedded SQLite " + version;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public ScratchDatabase createDatabase() {
        return new SqliteScratchDatabase(folder.resolve("scratch-" + counter.incrementAndGet() + ".sqlite"), timeouts, functions);
    }

    @Override
    public ScratchDatabase cloneDatabase(ScratchDatabase template) {
        SqliteScratchDatabase copy = (SqliteScratchDatabase) createDatabase();
        Path source = ((SqliteScratchDatabase) template).file();
        try {
            if (Files.exists(source)) {
                Files.copy(source, copy.file(), StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new InfrastructureException("could not copy scratch database " + template.name() + ": " + e.getMessage(), e);
        }
        return copy;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("schemagate: could not remove " + folder + ": " + e.getMessage());
        }
    }
}
