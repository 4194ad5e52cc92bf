package dev.schemagate.maven;

import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.DialectChoice;
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.dialect.SessionSettings;
import dev.schemagate.dialect.Timeouts;
import dev.schemagate.migration.InputException;
import dev.schemagate.migration.Layout;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;

/**
 * The parameters every goal that reads migrations or starts a database shares, as the CLI's
 * {@code DatabaseOptions} mixin defines them, and the mapping of Schemagate's failures onto
 * Maven's: bad input fails the build ({@link MojoFailureException}), a broken database or
 * machine is an execution error ({@link MojoExecutionException}).
 */
abstract class DatabaseMojo extends AbstractMojo {

    /** auto, plain, golang-migrate, flyway, dbmate, goose, liquibase or folder. */
    @Parameter(property = "schemagate.layout", defaultValue = "auto")
    String layout;

    /** postgres, sqlite or mysql; absent: from the dbUrl, schemagate.yml's dialect: or the migrations folder, else postgres. */
    @Parameter(property = "schemagate.dialect")
    String dialect;

    /** Major version of the embedded PostgreSQL, 13 to 18. */
    @Parameter(property = "schemagate.pgVersion", defaultValue = ServerOptions.DEFAULT_VERSION)
    String pgVersion;

    /** Use this existing server instead of the embedded one; credentials may also come from PGUSER and PGPASSWORD. */
    @Parameter(property = "schemagate.dbUrl")
    String dbUrl;

    /** Longest a statement may run on a scratch database: 30s, 5min, or 0 for no limit. */
    @Parameter(property = "schemagate.statementTimeout", defaultValue = Timeouts.DEFAULT_STATEMENT)
    String statementTimeout = Timeouts.DEFAULT_STATEMENT;

    /** Longest a statement may wait for a lock on a scratch database: 30s, 1min, or 0 for no limit. */
    @Parameter(property = "schemagate.lockTimeout", defaultValue = Timeouts.DEFAULT_LOCK)
    String lockTimeout = Timeouts.DEFAULT_LOCK;

    /** Session settings made on every connection before migrations run, {@code name=value} each (MySQL: foreign_key_checks=0). */
    @Parameter(property = "schemagate.session")
    List<String> session;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        try {
            run();
        } catch (InputException | IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (InfrastructureException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    abstract void run() throws MojoFailureException;

    final Layout layout() {
        return Layout.fromId(layout);
    }

    /** The run's dialect, for a run that reads {@code sources}; see {@link DialectChoice#forSources}. */
    final Dialect dialect(String... sources) {
        return DialectChoice.forSources(dialect, dbUrl == null || dbUrl.isBlank() ? null : dbUrl, sources).dialect();
    }

    final ServerOptions server() {
        return new ServerOptions(pgVersion, dbUrl == null || dbUrl.isBlank() ? null : dbUrl,
                new Timeouts(Timeouts.parse("statementTimeout", statementTimeout), Timeouts.parse("lockTimeout", lockTimeout)))
                .withSession(SessionSettings.parse("session", session));
    }
}
