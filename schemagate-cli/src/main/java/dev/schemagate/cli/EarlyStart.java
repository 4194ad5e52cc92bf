package dev.schemagate.cli;

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
 * asked for, no {@code --db-url} or {@code --session}, no {@code --dialect} but PostgreSQL's, one
 * {@code --pg-version}. The command takes the server when its options turn out to ask for the same
 * one; otherwise it is stopped at the command's end ({@link EarlyServer}), so a wrong guess costs
 * time, never a change of behaviour. {@code verify} and {@code lint} already start their server
 * before they read the migrations, and report a mistake in their input before any server starts.
 */
final class EarlyStart {

    private static final Set<String> COMMANDS = Set.of("snapshot", "diff");
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
        PostgresDialect postgres = new PostgresDialect();
        String version = ServerOptions.DEFAULT_VERSION;
        String statement = Timeouts.DEFAULT_STATEMENT;
        String lock = Timeouts.DEFAULT_LOCK;
        boolean needsServer = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
            String value = name.equals(arg) ? (i + 1 < args.length ? args[i + 1] : "") : arg.substring(equals + 1);
            String lower = arg.toLowerCase(Locale.ROOT);
            if (NO_SERVER.contains(name) || OTHER_DIALECTS.stream().anyMatch(lower::contains)) {
                return null;
            }
            switch (name) {
                case "--dialect" -> {
                    if (!postgres.fileNameAliases().contains(value.strip().toLowerCase(Locale.ROOT))) {
                        return null;
                    }
                }
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
        if (!needsServer || version.contains(",")) {
            return null;
        }
        Timeouts timeouts;
        try {
            timeouts = new Timeouts(Timeouts.parse("--statement-timeout", statement), Timeouts.parse("--lock-timeout", lock));
        } catch (IllegalArgumentException badValue) {
            return null;
        }
        return EarlyServer.offer(postgres, new ServerOptions(version, null, timeouts));
    }

    /** Whether a source names a file or folder that exists ({@code DIR@VERSION}: the folder). */
    private static boolean exists(String source) {
        try {
            return Files.exists(Path.of(source.replaceFirst("@[^/\\\\]*$", "")));
        } catch (InvalidPathException notAPath) {
            return false;
        }
    }
}
