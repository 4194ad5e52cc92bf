package dev.schemagate.report;

import dev.schemagate.engine.VerifyResult;

import java.util.Locale;

/**
 * The words every report uses for a run's history cut, {@code 226 history at origin/main, 2 checked},
 * so that people read the same split in the console, the summary and the page.
 */
final class HistorySplit {

    private HistorySplit() {
    }

    /** The split, or empty when the run drew no line and checked every migration. */
    static String of(VerifyResult result) {
        if (!result.cut().active()) {
            return "";
        }
        int total = result.migrations().migrations().size();
        int history = result.cut().historyCount(result.migrations().migrations());
        return String.format(Locale.ROOT, "%d history at %s, %d checked", history, result.cut().origin(), total - history);
    }
}
