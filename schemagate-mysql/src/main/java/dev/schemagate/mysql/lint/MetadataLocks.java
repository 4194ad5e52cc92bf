package dev.schemagate.mysql.lint;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The metadata locks one ALTER TABLE or CREATE INDEX held on its table, and for how long, read from
 * the stages the server timed for it ({@link StageClock}). The server takes its locks between
 * stages: a copy upgrades to {@code SHARED_NO_WRITE} before {@code copy to tmp table} (unless it
 * runs with {@code LOCK=NONE}), and every ALTER holds {@code EXCLUSIVE} while it commits
 * ({@code committing alter table to storage engine}, or {@code rename result table} after a copy)
 * and ends its work ({@code end of update loop}). The times are the stages' own, so each is a lower
 * bound: the work after those stages, until the locks are released at the statement's end, is not
 * counted (the wait for an upgrade, which on a copy may fall in its first rename stage, is nil on
 * a scratch database that no other session uses).
 *
 * @param lock          the lock that blocked writes, as {@code performance_schema} names it
 * @param writesBlocked how long, in milliseconds, other sessions' writes to the table waited
 * @param exclusive     how long, in milliseconds, of that reads waited too (the {@code EXCLUSIVE} lock)
 */
record MetadataLocks(String lock, double writesBlocked, double exclusive) {

    private static final Set<String> WORK = Set.of("copy to tmp table", "preparing for alter table");
    private static final Set<String> COMMIT = Set.of("committing alter table to storage engine", "rename result table", "rename");
    private static final double PICOS_PER_MS = 1e9;

    /**
     * What the stages say, or null when they hold no ALTER's commit (the history did not record it).
     * A rename alone ({@code rename}) has no work before it: only its {@code EXCLUSIVE} lock is told.
     *
     * @param lockNone whether the server accepted {@code LOCK=NONE} for the statement
     */
    static MetadataLocks of(List<StageClock.Stage> stages, boolean lockNone) {
        List<StageClock.Stage> commits = stages.stream().filter(s -> COMMIT.contains(s.name())).toList();
        StageClock.Stage work = stages.stream().filter(s -> WORK.contains(s.name())).findFirst().orElse(null);
        if (commits.isEmpty()) {
            return null;
        }
        // the locks are released when the statement ends: they are still held while it ends its work
        long end = stages.stream().filter(s -> s.start() >= commits.get(0).start()
                        && (COMMIT.contains(s.name()) || s.name().equals("end of update loop")))
                .mapToLong(StageClock.Stage::end).max().orElseThrow();
        double exclusive = (end - commits.get(0).start()) / PICOS_PER_MS;
        if (lockNone || work == null) {
            return new MetadataLocks("EXCLUSIVE", exclusive, exclusive);
        }
        boolean copied = stages.stream().anyMatch(s -> s.name().equals("copy to tmp table"));
        return new MetadataLocks(copied ? "SHARED_NO_WRITE" : "SHARED_NO_WRITE or stronger", (end - work.start()) / PICOS_PER_MS,
                exclusive);
    }

    /** The evidence line: which lock on which table, how long writes and reads waited, on how many rows. */
    String describe(String table, Long rows) {
        String on = rows == null ? "" : String.format(Locale.ROOT, " on %,d rows", rows);
        if (lock.equals("EXCLUSIVE")) {
            return "observed: held EXCLUSIVE on `" + table + "` for at least " + ms(exclusive) + " (writes and reads blocked) to commit"
                    + on + "; writes went on before that";
        }
        return "observed: held " + lock + " on `" + table + "` for at least " + ms(writesBlocked) + " (writes blocked)" + on
                + ", of which EXCLUSIVE for at least " + ms(exclusive) + " (reads blocked too) to commit";
    }

    /** Milliseconds as a reader takes them in: two decimals below 10 ms, whole above. */
    static String ms(double millis) {
        return millis < 10 ? String.format(Locale.ROOT, "%.2f ms", millis) : String.format(Locale.ROOT, "%,d ms", Math.round(millis));
    }
}
