package dev.schemagate.report;

import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.migration.Statement;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Says what a run is doing when it has been quiet for a while: a long statement, an observed lint
 * that prints nothing until its end, a server starting. Once the run has printed nothing for
 * {@link #FIRST_NOTICE_SECONDS} seconds it prints a line on the error stream, then one every
 * {@link #REPEAT_SECONDS} seconds while the quiet lasts; the console's own lines count as words.
 * When the lint runs beside the other checks, two threads run statements: the line names the one
 * that has been running longest, and a thread's statement is over when it starts another, finishes
 * a migration or ends.
 */
public final class Heartbeat implements ProgressListener, AutoCloseable {

    static final long FIRST_NOTICE_SECONDS = 3;
    static final long REPEAT_SECONDS = 10;
    private static final long SECOND = 1_000_000_000L;
    private static final int SQL_SHOWN = 60;

    private final PrintWriter err;
    private final ReportPaths paths;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "schemagate-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Thread, Running> running = new ConcurrentHashMap<>();
    private volatile boolean ranAny;
    private long lastWord = started;
    private boolean noticed;

    private Heartbeat(PrintWriter err, ReportPaths paths) {
        this.err = err;
        this.paths = paths;
    }

    /** Starts watching; files are named as {@code paths} names them. */
    public static Heartbeat start(PrintWriter err, ReportPaths paths) {
        Heartbeat heartbeat = new Heartbeat(err, paths);
        heartbeat.timer.scheduleAtFixedRate(heartbeat::tick, 1, 1, TimeUnit.SECONDS);
        return heartbeat;
    }

    @Override
    public synchronized void started(MigrationSet migrations, HistoryCut cut, String server) {
        spoke();
    }

    @Override
    public synchronized void migrationFinished(MigrationRun run, int index, int total) {
        spoke();
        running.remove(Thread.currentThread());
    }

    @Override
    public void running(Statement next) {
        running.put(Thread.currentThread(), new Running(next, System.nanoTime()));
        ranAny = true;
    }

    /** A statement a thread started, and when. */
    private record Running(Statement statement, long since) {
    }

    private void spoke() {
        lastWord = System.nanoTime();
        noticed = false;
    }

    private synchronized void tick() {
        long now = System.nanoTime();
        long quiet = (now - lastWord) / SECOND;
        if (quiet < (noticed ? REPEAT_SECONDS : FIRST_NOTICE_SECONDS)) {
            return;
        }
        err.println(notice(now));
        err.flush();
        lastWord = now;
        noticed = true;
    }

    /** {@code schemagate: 13 s so far, running db/0042_x.up.sql:3 (SELECT pg_sleep(60)) for 9 s}. */
    String notice(long now) {
        StringBuilder line = new StringBuilder("schemagate: ").append((now - started) / SECOND).append(" s so far");
        Optional<Running> longest = running.entrySet().stream().filter(entry -> entry.getKey().isAlive())
                .map(Map.Entry::getValue).min(Comparator.comparingLong(Running::since));
        if (longest.isEmpty()) {
            return ranAny ? line.toString() : line.append(", starting the database").toString();
        }
        Statement current = longest.get().statement();
        line.append(", running ").append(where(current)).append(" (").append(shown(current.sql())).append(')');
        long seconds = (now - longest.get().since()) / SECOND;
        if (seconds >= FIRST_NOTICE_SECONDS) {
            line.append(" for ").append(seconds).append(" s");
        }
        return line.toString();
    }

    private String where(Statement current) {
        Path file = current.location().file();
        return (file == null ? "line " : paths.relative(file) + ":") + current.location().line();
    }

    private static String shown(String sql) {
        String line = sql.strip().lines().findFirst().orElse("").replaceAll("\\p{Cntrl}", " ");
        return line.length() > SQL_SHOWN ? line.substring(0, SQL_SHOWN - 3) + "..." : line;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
