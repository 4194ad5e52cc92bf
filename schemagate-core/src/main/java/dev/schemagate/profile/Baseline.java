package dev.schemagate.profile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.schemagate.migration.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The file a team checks in to compare later profiles with ({@code schemagate-baseline.json}): for
 * each migration and each of its statements, the median and spread of its time at each table size,
 * with the machine and database it was taken on. Its format is documented in docs/profile-baseline.md.
 *
 * @param format the file format's version, {@value #FORMAT}
 */
public record Baseline(int format, String tool, String taken, Machine machine, List<Integer> ladder, int repeat,
                       List<Entry> migrations) {

    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public Baseline {
        ladder = List.copyOf(ladder);
        migrations = List.copyOf(migrations);
    }

    /** One migration's times, whole and statement by statement. */
    public record Entry(String version, String file, Map<Integer, Timing> time, List<StatementEntry> statements) {

        public Entry {
            time = new LinkedHashMap<>(time);
            statements = List.copyOf(statements);
        }
    }

    /** One statement's times; it is matched by its text, so statements added before it do not shift it. */
    public record StatementEntry(int line, String sql, Map<Integer, Timing> time) {

        public StatementEntry {
            time = new LinkedHashMap<>(time);
        }
    }

    /** The baseline of a run: its migrations that were profiled without failure. */
    public static Baseline of(ProfileResult result) {
        List<Entry> entries = new ArrayList<>();
        for (MigrationProfile migration : result.migrations()) {
            if (migration.failure() == null) {
                entries.add(new Entry(migration.version(), migration.file(), migration.time(), migration.statements().stream()
                        .map(s -> new StatementEntry(s.line(), s.sql(), s.time())).toList()));
            }
        }
        return new Baseline(FORMAT, result.tool(), result.taken(), result.machine(), result.ladder(), result.repeat(), entries);
    }

    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            JSON.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new InputException(file + ": could not write the baseline: " + e.getMessage() + "; check that the folder is writable");
        }
    }

    public static Baseline read(Path file) {
        Baseline baseline;
        try {
            baseline = JSON.readValue(file.toFile(), Baseline.class);
        } catch (IOException e) {
            throw new InputException(file + ": not a Schemagate baseline (" + e.getMessage().lines().findFirst().orElse("")
                    + "); write a new one with --write-baseline");
        }
        if (baseline.format() != FORMAT) {
            throw new InputException(file + ": baseline format " + baseline.format() + ", this Schemagate reads format " + FORMAT
                    + "; write a new one with --write-baseline");
        }
        return baseline;
    }

    /** The regressions of {@code result} against this baseline, migration by migration and statement by statement. */
    public List<Regression> compare(ProfileResult result, RegressionRule rule) {
        Map<String, Entry> byFile = new HashMap<>();
        migrations.forEach(entry -> byFile.put(entry.file(), entry));
        List<Regression> found = new ArrayList<>();
        for (MigrationProfile migration : result.migrations()) {
            Entry entry = byFile.get(migration.file());
            if (entry == null || migration.failure() != null) {
                continue;
            }
            compare(migration.version(), migration.file(), 0, "the whole migration", entry.time(), migration.time(), rule, found);
            List<StatementEntry> unmatched = new ArrayList<>(entry.statements());
            for (StatementProfile statement : migration.statements()) {
                StatementEntry match = unmatched.stream().filter(e -> e.sql().equals(statement.sql())).findFirst().orElse(null);
                if (match != null) {
                    unmatched.remove(match);
                    compare(migration.version(), migration.file(), statement.line(), statement.action(), match.time(), statement.time(),
                            rule, found);
                }
            }
        }
        return found;
    }

    private static void compare(String version, String file, int line, String what, Map<Integer, Timing> before,
                                Map<Integer, Timing> now, RegressionRule rule, List<Regression> found) {
        now.forEach((rows, timing) -> {
            Timing then = before.get(rows);
            if (then != null && rule.regressed(then, timing)) {
                found.add(new Regression(version, file, line, what, rows, then.median(), timing.median(),
                        Math.max(then.spread(), timing.spread())));
            }
        });
    }

    /** What the comparison compared, for people. */
    public String describe(Path file, ProfileResult result) {
        long matched = result.migrations().stream().filter(m -> migrations.stream().anyMatch(e -> e.file().equals(m.file()))).count();
        List<Integer> sizes = result.ladder().stream().filter(ladder::contains).toList();
        String machines = result.machine().differences(machine);
        return "compared with " + file + " (taken " + taken + " by " + tool + "): " + matched + " of " + result.migrations().size()
                + " migrations at " + (sizes.isEmpty() ? "no common size" : sizes + " rows")
                + (machines.isEmpty() ? "" : "; taken on another machine (" + machines + "), so differences may be the machine's");
    }
}
