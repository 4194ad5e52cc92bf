package dev.schemagate.postgres;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of one statement, gathered while it is lexed, and what its leading keywords say about
 * how PostgreSQL will run it: whether the server refuses it inside a transaction block, and whether
 * it is a {@code COPY ... FROM STDIN} whose data follows in the script.
 *
 * <p>Only the words outside parentheses are kept, plus those of an option list right after the
 * command word ({@code REINDEX (CONCURRENTLY) ...}); a double-quoted name takes a place but never
 * matches a keyword. When a command is refused in a transaction only with some option values we
 * cannot see (a replication slot that {@code CREATE SUBSCRIPTION} creates by default, a partitioned
 * table that {@code CLUSTER} is given), it is marked non-transactional, which runs correctly either way.
 */
final class StatementKeywords {

    private final List<String> words = new ArrayList<>();
    private final List<String> options = new ArrayList<>();

    /** Takes the next word: lower case if unquoted, as written if double-quoted. */
    void add(String word, int parenDepth) {
        if (parenDepth == 0) {
            words.add(word);
        } else if (parenDepth == 1 && words.size() == 1) {
            options.add(word);
        }
    }

    /** Forgets the statement, ready for the next one. */
    void clear() {
        words.clear();
        options.clear();
    }

    /** {@code COPY ... FROM STDIN}: the rows follow the statement in the script, up to a {@code \.} line. */
    boolean copyFromStdin() {
        if (!word(0).equals("copy")) {
            return false;
        }
        for (int i = 1; i + 1 < words.size(); i++) {
            if (words.get(i).equals("from") && words.get(i + 1).equals("stdin")) {
                return true;
            }
        }
        return false;
    }

    /** False when PostgreSQL refuses to run the statement inside a transaction block. */
    boolean transactional() {
        return switch (word(0)) {
            case "vacuum" -> false;
            case "create" -> !(concurrentIndex(1) || isOneOf(word(1), "database", "tablespace", "subscription"));
            case "drop" -> !(concurrentIndex(1) || isOneOf(word(1), "database", "tablespace", "subscription"));
            case "reindex" -> !(isOneOf(word(1), "schema", "database", "system")
                    || words.contains("concurrently") || optionOn("concurrently"));
            case "alter" -> alterTransactional();
            case "cluster" -> !words.stream().skip(1).allMatch("verbose"::equals);
            case "discard" -> !word(1).equals("all");
            case "commit", "rollback" -> !word(1).equals("prepared");
            default -> true;
        };
    }

    /** {@code [UNIQUE] INDEX CONCURRENTLY} from word {@code i}, as in CREATE and DROP. */
    private boolean concurrentIndex(int i) {
        int index = word(i).equals("unique") ? i + 1 : i;
        return word(index).equals("index") && word(index + 1).equals("concurrently");
    }

    private boolean alterTransactional() {
        return switch (word(1)) {
            case "system" -> false;
            // ALTER DATABASE name SET TABLESPACE (or the option form ... TABLESPACE = x) moves the files
            case "database" -> !words.subList(Math.min(3, words.size()), words.size()).contains("tablespace");
            // REFRESH PUBLICATION, and SET/ADD/DROP PUBLICATION whose refresh option defaults to true
            case "subscription" -> !(word(3).equals("refresh")
                    || (isOneOf(word(3), "set", "add", "drop") && word(4).equals("publication")));
            case "table" -> {
                int detach = words.indexOf("detach");
                yield detach < 0 || words.lastIndexOf("concurrently") < detach;
            }
            default -> true;
        };
    }

    /** The option is in the list after the command word, and not followed by {@code false} or {@code off}. */
    private boolean optionOn(String option) {
        int i = options.indexOf(option);
        if (i < 0) {
            return false;
        }
        String value = i + 1 < options.size() ? options.get(i + 1) : "";
        return !isOneOf(value, "false", "off");
    }

    private String word(int i) {
        return i < words.size() ? words.get(i) : "";
    }

    private static boolean isOneOf(String word, String... candidates) {
        for (String candidate : candidates) {
            if (candidate.equals(word)) {
                return true;
            }
        }
        return false;
    }
}
