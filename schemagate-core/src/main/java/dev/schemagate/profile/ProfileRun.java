package dev.schemagate.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.schemagate.migration.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One profile as a user asks for it: profiles the folder, then writes the baseline or compares with
 * it, appends to the history, and writes the reports. The command line and the Maven goal both
 * call this, so an option means the same in each.
 */
public final class ProfileRun {

    /** The report formats a profile writes besides the console. */
    public static final Set<String> FORMATS = Set.of("console", "json", "markdown", "html");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What the run found, the history including it (empty without {@code --history}), and the console text. */
    public record Outcome(ProfileResult result, List<History.Run> history, String console) {
    }

    private ProfileRun() {
    }

    public static Outcome run(ProfileOptions options, Consumer<String> progress) {
        RegressionRule rule = new RegressionRule(options.threshold(), options.floorMs());
        Path file = options.baselineFile();
        Baseline baseline = !options.writeBaseline() && Files.exists(file) ? Baseline.read(file) : null;
        if (options.history() != null) {
            History.read(options.history());
        }
        ProfileResult result = new Profiler(progress).profile(options);
        if (options.writeBaseline()) {
            Baseline.of(result).write(file);
            progress.accept("wrote the baseline " + file);
        } else if (baseline != null) {
            result = result.compared(baseline.compare(result, rule), baseline.describe(file, result));
        }
        List<History.Run> history = options.history() == null ? List.of() : History.append(options.history(), result);
        return new Outcome(result, history, ProfileText.render(result, rule));
    }

    /** Writes the reports {@code formats} asks for (json, markdown, html) into {@code out}; the console is the caller's. */
    public static void write(Outcome outcome, ProfileOptions options, List<String> formats, Path out) {
        RegressionRule rule = new RegressionRule(options.threshold(), options.floorMs());
        checkFormats(formats);
        try {
            for (String format : formats) {
                switch (format.trim().toLowerCase(Locale.ROOT)) {
                    case "json" -> write(out.resolve("profile.json"), JSON.writeValueAsString(outcome.result()));
                    case "markdown" -> write(out.resolve("profile.md"), "# Schemagate profile\n\n```\n" + outcome.console() + "```\n");
                    case "html" -> write(out.resolve("profile.html"), ProfileHtml.render(outcome.result(), rule, outcome.history()));
                    default -> {
                    }
                }
            }
        } catch (IOException e) {
            throw new InputException(out + ": could not write the profile reports: " + e.getMessage());
        }
    }

    /** Refuses a format the profile does not write, before anything runs. */
    public static void checkFormats(List<String> formats) {
        for (String format : formats) {
            if (!FORMATS.contains(format.trim().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("--format '" + format + "' is not a profile format; use console, json, markdown or html");
            }
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text);
    }
}
