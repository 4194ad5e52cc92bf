package dev.schemagate.mutation;

import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.ForwardingScratchDatabase;
import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.ScratchDatabase;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One mutant's view of the run's server, so that a mutant past {@code --timeout} can be stopped
 * on the server and not only in Java: it remembers the databases the mutant's checks create and
 * the statements they run, and {@link #stop()} cancels those statements (JDBC
 * {@link Statement#cancel()}, which each driver sends to its server its own way), drops those
 * databases and refuses any further work.
 */
final class WatchedServer implements DatabaseServer {

    private final DatabaseServer server;
    private final List<Watched> databases = new ArrayList<>();
    private final List<Statement> statements = new ArrayList<>();
    private boolean stopped;

    WatchedServer(DatabaseServer server) {
        this.server = server;
    }

    @Override
    public String description() {
        return server.description();
    }

    @Override
    public String version() {
        return server.version();
    }

    @Override
    public ScratchDatabase createDatabase() {
        refuseWhenStopped();
        return watch(server.createDatabase());
    }

    @Override
    public ScratchDatabase cloneDatabase(ScratchDatabase template) {
        refuseWhenStopped();
        return watch(server.cloneDatabase(template instanceof Watched watched ? watched.forwardedTo() : template));
    }

    /** Cancels the running statements, drops the databases made for the mutant, and refuses any more. */
    void stop() {
        List<Statement> running;
        List<Watched> made;
        synchronized (this) {
            stopped = true;
            running = List.copyOf(statements);
            made = List.copyOf(databases);
        }
        for (Statement statement : running) {
            try {
                if (!statement.isClosed()) {
                    statement.cancel();
                }
            } catch (SQLException | RuntimeException e) {
                // the statement ended on its own, or its connection is gone: nothing left to cancel
            }
        }
        for (Watched database : made) {
            database.close();
        }
    }

    /** The run's server is the caller's: closing a mutant's view leaves it running. */
    @Override
    public void close() {
    }

    private synchronized ScratchDatabase watch(ScratchDatabase database) {
        Watched watched = new Watched(database);
        databases.add(watched);
        if (stopped) {
            watched.close();
            throw stoppedError();
        }
        return watched;
    }

    private synchronized void refuseWhenStopped() {
        if (stopped) {
            throw stoppedError();
        }
    }

    private static InfrastructureException stoppedError() {
        return new InfrastructureException("the mutant ran past --timeout and was stopped");
    }

    private synchronized void remember(Statement statement) {
        statements.removeIf(WatchedServer::closed);
        statements.add(statement);
        if (stopped) {
            try {
                statement.cancel();
            } catch (SQLException e) {
                // nothing runs on it yet
            }
        }
    }

    private static boolean closed(Statement statement) {
        try {
            return statement.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** A database the mutant's checks made: its connections report the statements they create. */
    private final class Watched extends ForwardingScratchDatabase {

        private final AtomicBoolean closed = new AtomicBoolean();

        Watched(ScratchDatabase database) {
            super(database);
        }

        @Override
        public Connection connect() throws SQLException {
            synchronized (WatchedServer.this) {
                if (stopped) {
                    throw new SQLException("the mutant ran past --timeout and was stopped");
                }
            }
            Connection connection = forwardedTo().connect();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    new Reporting(connection));
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                forwardedTo().close();
            }
        }
    }

    /** Passes every call to the connection and remembers each statement it creates. */
    private final class Reporting implements InvocationHandler {

        private final Connection connection;

        Reporting(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object result;
            try {
                result = method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Statement statement) {
                remember(statement);
            }
            return result;
        }
    }
}
