package dev.schemagate.cli;

import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.EarlyServer;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.dialect.Timeouts;
import dev.schemagate.postgres.PostgresDialect;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Begins the embedded PostgreSQL server's start before picocli models the command line, which takes
 * some 150 ms of a cold JVM, when a cheap look at the arguments says the command will most likely
 * want that server: {@code snapshot} or {@code diff} of sources that exist, one of them neither a
 * {@code .json} snapshot nor a {@code jdbc:} URL, none naming another dialect; no help or version
 * asked for, no {@code --db-url} or {@code --session}, no {@code --dialect} but {@code postgres},
 * one {@code --pg-version}. The command takes the server when its options turn out to ask for the
 * same one; otherwise it is stopped at the command's end ({@link EarlyServer}), so a wrong guess
 * costs time, never a change of behaviour. The look itself loads next to nothing (no streams, no
 * patterns, no lambdas, no dialect), as it delays the command line's reading. {@code verify} and {@code lint}
 * already start their server before they read the migrations, and report a mistake in their input
 * before any server starts.
 */
final class EarlyStart {

    private static final Set<String> COMMANDS = Set.of("snapshot", "diff");
    private static final String POSTGRES = "postgres";
    private static final Set<String> NO_SERVER = Set.of("-h", "--help", "-V", "--version", "--db-url", "--session");
    private static final List<String> OTHER_DIALECTS = List.of("sqlite", "mysql", "mariadb");
    /** Options whose value follows them as an argument of its own when not written {@code --name=value}. */
    private static final Set<String> VALUED = Set.of("--dialect", "--pg-version", "--statement-timeout", "--lock-timeout",
            "-o", "--output", "--layout", "--format");

    private EarlyStart() {
    }

    /** The server started early for {@code args}, or null when the command is unlikely to want it. */
    static EarlyServer begin(String... args) {
        if (args.length < 2 || !COMMANDS.contains(args[0])) {
            return null;
        }
        String version = ServerOptions.DEFAULT_VERSION;
        String statement = Timeouts.DEFAULT_STATEMENT;
        String lock = Timeouts.DEFAULT_LOCK;
        boolean needsServer = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
            String value = !name.equals(arg) ? arg.substring(equals + 1) : i + 1 < args.length ? args[i + 1] : "";
            String lower = arg.toLowerCase(Locale.ROOT);
            if (NO_SERVER.contains(name) || namesOtherDialect(lower)
                    || name.equals("--dialect") && !value.strip().equalsIgnoreCase(POSTGRES)) {
                return null;
            }
            switch (name) {
                case "--pg-version" -> version = value;
                case "--statement-timeout" -> statement = value;
                case "--lock-timeout" -> lock = value;
                default -> {
                    if (!arg.startsWith("-") && !lower.startsWith("jdbc:")) {
                        if (!exists(arg)) {
                            return null;
                        }
                        needsServer |= !lower.endsWith(".json");
                    }
                }
            }
            if (VALUED.contains(name) && name.equals(arg)) {
                i++;
            }
        }
        if (!needsServer || version.indexOf(',') >= 0) {
            return null;
        }
        return EarlyServer.offer(POSTGRES, new EmbeddedPostgres(version, statement, lock));
    }

    /** The embedded PostgreSQL server the command line names, made on the start's thread. */
    private record EmbeddedPostgres(String version, String statementTimeout, String lockTimeout) implements EarlyServer.Plan {

        @Override
        public Dialect dialect() {
            return new PostgresDialect();
        }

        @Override
        public ServerOptions options() {
            return new ServerOptions(version, null, new Timeouts(Timeouts.parse("--statement-timeout", statementTimeout),
                    Timeouts.parse("--lock-timeout", lockTimeout)));
        }
    }

    private static boolean namesOtherDialect(String arg) {
        for (String other : OTHER_DIALECTS) {
            if (arg.contains(other)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a source names a file or folder that exists ({@code DIR@VERSION}: the folder). */
    private static boolean exists(String source) {
        try {
            if (Files.exists(Path.of(source))) {
                return true;
            }
            int at = source.lastIndexOf('@');
            return at > 0 && source.indexOf('/', at) < 0 && Files.isDirectory(Path.of(source.substring(0, at)));
        } catch (InvalidPathException notAPath) {
            return false;
        }
    }
}
