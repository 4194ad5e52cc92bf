package dev.schemagate.dialect;

import dev.schemagate.migration.InputException;
import dev.schemagate.migration.MigrationDiscovery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to get a database server.
 *
 * @param version  the major version of the embedded server to start, such as {@code "17"};
 *                 ignored when {@code url} is set
 * @param url      a JDBC URL of an existing server to use instead, or null for an embedded one;
 *                 Schemagate then creates its own scratch databases there and drops them after
 * @param timeouts how long a statement on a scratch database may run, and wait for a lock
 * @param shared   whether other people use the server behind {@code url}, so that a run may change
 *                 nothing there but its scratch databases; false for an embedded server, or one this
 *                 process started and reaches by URL
 * @param session  the settings made on every connection to a scratch database before it runs
 *                 anything, for dialects that {@linkplain Dialect#runsSessionSettings() run them}
 * @param functions the functions the project's runner defines on its connections, defined on every
 *                 connection to a scratch database, for dialects that {@linkplain Dialect#definesRunnerFunctions() can}
 */
public record ServerOptions(String version, String url, Timeouts timeouts, boolean shared, SessionSettings session,
                            RunnerFunctions functions) {

    public static final String DEFAULT_VERSION = "17";

    public ServerOptions(String version, String url) {
        this(version, url, Timeouts.DEFAULT);
    }

    public ServerOptions(String version, String url, Timeouts timeouts) {
        this(version, url, timeouts, url != null);
    }

    public ServerOptions(String version, String url, Timeouts timeouts, boolean shared) {
        this(version, url, timeouts, shared, SessionSettings.NONE);
    }

    public ServerOptions(String version, String url, Timeouts timeouts, boolean shared, SessionSettings session) {
        this(version, url, timeouts, shared, session, RunnerFunctions.NONE);
    }

    public ServerOptions withSession(SessionSettings newSession) {
        return new ServerOptions(version, url, timeouts, shared, newSession, functions);
    }

    /**
     * These options for a run on {@code dialect}: the {@code session:} settings of {@code config}
     * (when there is such a file) under the settings given, which win, and its {@code functions:}.
     * Every command that starts a database takes its options from here, so that each makes the same
     * settings, and each refuses them on a dialect that does not
     * {@linkplain Dialect#runsSessionSettings() make them} rather than run without them; the same
     * for functions.
     *
     * @throws InputException when there are settings and the dialect makes none, or functions and the
     *                        dialect defines none; the message names them
     */
    public ServerOptions forRun(Dialect dialect, Path config) {
        RunnerFunctions declared = RunnerFunctions.load(config);
        if (!declared.isEmpty() && !dialect.definesRunnerFunctions()) {
            throw new InputException(config + ": functions declares " + String.join(", ", declared.byName().keySet())
                    + ", but the " + dialect.id() + " dialect defines no functions on its connections: remove them,"
                    + " or create them in the migrations themselves");
        }
        SessionSettings file = SessionSettings.load(config);
        SessionSettings merged = session.over(file);
        if (merged.isEmpty() || dialect.runsSessionSettings()) {
            return new ServerOptions(version, url, timeouts, shared, merged, declared);
        }
        List<String> sources = new ArrayList<>();
        if (!session.isEmpty()) {
            sources.add(String.join(", ", session.values().keySet()) + " (--session)");
        }
        List<String> fromFile = file.values().keySet().stream().filter(name -> !session.values().containsKey(name)).toList();
        if (!fromFile.isEmpty()) {
            sources.add(String.join(", ", fromFile) + " (session: in " + config + ")");
        }
        throw new InputException("the " + dialect.id() + " dialect makes no session settings, but the run asks for "
                + String.join(" and ", sources) + ": remove them, or make them in the migrations themselves");
    }

    /**
     * These options for a run on {@code dialect} that reads {@code sources} (folders, DIR@VERSION,
     * files, jdbc: URLs), as {@link #forRun}: the config file is that of the first migrations folder
     * among them, else the current folder's.
     */
    public ServerOptions forSources(Dialect dialect, String... sources) {
        Path folder = Path.of("");
        for (String source : sources) {
            String path = source.replaceFirst("@[^/\\\\]*$", "");
            if (!source.startsWith("jdbc:") && Files.isDirectory(Path.of(path))) {
                folder = Path.of(path);
                break;
            }
        }
        return forRun(dialect, MigrationDiscovery.configFile(folder));
    }

    public static ServerOptions embedded(String version) {
        return new ServerOptions(version, null);
    }

    /** An embedded server this process started, reached by its URL: private, like one started for the run. */
    public static ServerOptions privateServer(String version, String url) {
        return new ServerOptions(version, url, Timeouts.DEFAULT, false);
    }

    public boolean external() {
        return url != null;
    }
}
