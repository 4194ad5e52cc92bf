package dev.schemagate.postgres;

import java.util.Arrays;

/**
 * psql's rule for the semicolons inside a SQL-standard routine body, {@code CREATE FUNCTION ...
 * BEGIN ATOMIC stmt; stmt; END}: in a statement that starts {@code CREATE [OR REPLACE]
 * FUNCTION|PROCEDURE}, every {@code BEGIN} outside parentheses opens a block, a {@code CASE}
 * inside a block opens another (it also closes with {@code END}), and {@code END} closes one. A
 * semicolon ends the statement only when no block is open.
 *
 * <p>This follows the heuristic of psql's scanner ({@code psqlscan.l}) exactly, so that a
 * file splits the way {@code psql -f} runs it; only unquoted words are fed to it.
 */
final class RoutineBody {

    /** Initials of the first four words where they are CREATE, OR, REPLACE, FUNCTION or PROCEDURE, as psql keeps them. */
    private final char[] leading = new char[4];
    private int words;
    private int depth;

    /** Takes the next unquoted word of the statement, in lower case, with its parenthesis depth. */
    void word(String word, int parenDepth) {
        if (words < leading.length && isRoutineKeyword(word)) {
            leading[words] = word.charAt(0);
        }
        words++;
        if (parenDepth != 0 || !createsRoutine()) {
            return;
        }
        switch (word) {
            case "begin" -> depth++;
            case "case" -> {
                if (depth > 0) {
                    depth++;
                }
            }
            case "end" -> {
                if (depth > 0) {
                    depth--;
                }
            }
            default -> { }
        }
    }

    /** True while a semicolon would fall inside a {@code BEGIN ... END} body. */
    boolean open() {
        return depth > 0;
    }

    /** Forgets the statement, ready for the next one. */
    void reset() {
        Arrays.fill(leading, '\0');
        words = 0;
        depth = 0;
    }

    /** The first words read {@code CREATE FUNCTION}, {@code CREATE PROCEDURE} or the same with {@code OR REPLACE}. */
    private boolean createsRoutine() {
        return leading[0] == 'c'
                && (isRoutine(leading[1]) || (leading[1] == 'o' && leading[2] == 'r' && isRoutine(leading[3])));
    }

    private static boolean isRoutine(char initial) {
        return initial == 'f' || initial == 'p';
    }

    private static boolean isRoutineKeyword(String word) {
        return switch (word) {
            case "create", "function", "procedure", "or", "replace" -> true;
            default -> false;
        };
    }
}
