package dev.schemagate.liquibase;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each changeset starts in a changelog file. Liquibase keeps no line numbers, so the file is
 * read again: every {@code <changeSet}, {@code changeSet:} or {@code "changeSet"} opens a block
 * that runs to the next one, and a changeset's line is that of the first block not yet taken that
 * names its id and author.
 */
final class ChangesetLines {

    private static final Pattern XML = Pattern.compile("<(?:\\w+:)?changeSet\\b");
    private static final Pattern YAML_OR_JSON = Pattern.compile("[\"']?changeSet[\"']?\\s*:");

    private final String text;
    private final List<Integer> starts = new ArrayList<>();
    private final boolean[] taken;

    ChangesetLines(String fileName, String text) {
        this.text = text;
        Matcher opener = (fileName.toLowerCase(Locale.ROOT).endsWith(".xml") ? XML : YAML_OR_JSON).matcher(text);
        while (opener.find()) {
            starts.add(opener.start());
        }
        taken = new boolean[starts.size()];
    }

    /** The 1-based line of the changeset {@code id} by {@code author}, or 1 when no block names them. */
    int line(String id, String author) {
        for (int i = 0; i < starts.size(); i++) {
            if (taken[i]) {
                continue;
            }
            String block = text.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : text.length());
            if (names(block, "id", id) && names(block, "author", author)) {
                taken[i] = true;
                return lineOf(starts.get(i));
            }
        }
        return 1;
    }

    private static boolean names(String block, String key, String value) {
        Pattern attribute = Pattern.compile("[\"']?\\b" + key + "[\"']?\\s*[:=]\\s*[\"']?" + Pattern.quote(value) + "[\"']?(?=[\\s,}/>]|$)",
                Pattern.MULTILINE);
        return attribute.matcher(block).find();
    }

    private int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
