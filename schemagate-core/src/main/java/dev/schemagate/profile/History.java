package dev.schemagate.profile;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.schemagate.migration.InputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The runs of a profile over time, kept by CI as an artifact: a JSON file (an array of runs, each
 * migration's median at each size) and a CSV file of the same name beside it (one line a run,
 * migration, statement and size), for spreadsheets. Each run appends to both.
 */
public final class History {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    static final String CSV_HEADER = "taken,version,file,line,rows,median_ms,spread_ms,regressions";

    private History() {
    }

    /** One run as the history keeps it. */
    public record Run(String taken, String tool, Machine machine, List<Integer> ladder, int repeat, int regressions,
                      List<Point> migrations) {

        public Run {
            ladder = List.copyOf(ladder);
            migrations = List.copyOf(migrations);
        }
    }

    /** One migration's median time (milliseconds) at each size, in one run. */
    public record Point(String version, String file, Map<Integer, Double> median) {

        public Point {
            median = new LinkedHashMap<>(median);
        }
    }

    /** The runs the file holds, oldest first; none when it does not exist yet. */
    public static List<Run> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return JSON.readValue(file.toFile(), new TypeReference<List<Run>>() { });
        } catch (IOException e) {
            throw new InputException(file + ": not a Schemagate profile history (" + e.getMessage().lines().findFirst().orElse("")
                    + "); give --history a new file name");
        }
    }

    /** Appends the run to the JSON history and its CSV; returns every run, this one last. */
    public static List<Run> append(Path file, ProfileResult result) {
        List<Run> runs = new ArrayList<>(read(file));
        runs.add(run(result));
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            JSON.writeValue(file.toFile(), runs);
            Path csv = csv(file);
            boolean fresh = !Files.exists(csv);
            Files.writeString(csv, (fresh ? CSV_HEADER + "\n" : "") + csvLines(result), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new InputException(file + ": could not write the history: " + e.getMessage() + "; check that the folder is writable");
        }
        return runs;
    }

    /** The CSV beside a history file: {@code profile-history.json} → {@code profile-history.csv}. */
    public static Path csv(Path file) {
        String name = file.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return file.resolveSibling(base + ".csv");
    }

    static Run run(ProfileResult result) {
        List<Point> points = new ArrayList<>();
        for (MigrationProfile migration : result.migrations()) {
            Map<Integer, Double> medians = new LinkedHashMap<>();
            migration.time().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> medians.put(e.getKey(), e.getValue().median()));
            points.add(new Point(migration.version(), migration.file(), medians));
        }
        return new Run(result.taken(), result.tool(), result.machine(), result.ladder(), result.repeat(), result.regressions().size(),
                points);
    }

    private static String csvLines(ProfileResult result) {
        StringBuilder lines = new StringBuilder();
        for (MigrationProfile migration : result.migrations()) {
            line(lines, result, migration, 0, migration.time());
            for (StatementProfile statement : migration.statements()) {
                line(lines, result, migration, statement.line(), statement.time());
            }
        }
        return lines.toString();
    }

    private static void line(StringBuilder lines, ProfileResult result, MigrationProfile migration, int line, Map<Integer, Timing> time) {
        time.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> lines.append(String.join(",", result.taken(),
                cell(migration.version()), cell(migration.file()), line == 0 ? "" : String.valueOf(line), String.valueOf(e.getKey()),
                String.valueOf(e.getValue().median()), String.valueOf(e.getValue().spread()),
                String.valueOf(result.regressions().size()))).append('\n'));
    }

    private static String cell(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
