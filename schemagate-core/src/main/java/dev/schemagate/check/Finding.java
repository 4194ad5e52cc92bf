package dev.schemagate.check;

import dev.schemagate.migration.Location;

import java.util.ArrayList;
import java.util.List;

/**
 * One thing a check found: the currency every check pays in and every report renders.
 *
 * <p>Its texts are capped, as server messages and evidence may echo a whole statement (an
 * unterminated literal echoed the rest of its file into every report): a message or hint keeps
 * its first {@value #MAX_TEXT} characters, an evidence line its first {@value #MAX_LINE}, the
 * evidence its first {@value #MAX_LINES} lines, each cut saying how much it left out.
 *
 * @param ruleId   a stable id such as {@code apply.statement-failed}, documented in {@code docs/rules/}
 * @param severity how much it matters
 * @param location where, or {@link Location#of} a file, or null for the whole run
 * @param message  what happened, in one sentence
 * @param hint     what to do about it
 * @param evidence supporting lines: the server's detail, surrounding SQL, diff lines, locks, timings
 */
public record Finding(String ruleId, Severity severity, Location location, String message, String hint,
                      List<String> evidence) {

    static final int MAX_TEXT = 1_000;
    static final int MAX_LINE = 500;
    static final int MAX_LINES = 200;

    public Finding {
        message = cut(message, MAX_TEXT);
        hint = hint == null ? "" : cut(hint, MAX_TEXT);
        evidence = cutLines(evidence);
    }

    private static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + " … (" + (text.length() - max) + " more characters cut)";
    }

    private static List<String> cutLines(List<String> lines) {
        List<String> kept = new ArrayList<>();
        for (String line : lines.subList(0, Math.min(lines.size(), MAX_LINES))) {
            kept.add(cut(line, MAX_LINE));
        }
        if (lines.size() > MAX_LINES) {
            kept.add("… (" + (lines.size() - MAX_LINES) + " more lines cut)");
        }
        return List.copyOf(kept);
    }
}
