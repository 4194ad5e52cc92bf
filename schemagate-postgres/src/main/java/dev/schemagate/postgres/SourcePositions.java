package dev.schemagate.postgres;

import dev.schemagate.migration.Location;
import java.nio.file.Path;

/**
 * Turns offsets in a script part into file lines and columns. Offsets are asked for in increasing
 * order, so it counts forward from the last answer and the whole part is walked once, however many
 * statements share a line.
 *
 * <p>Lines end at {@code \n} (so {@code \r\n} counts once); columns count characters (code points),
 * a tab being one.
 */
final class SourcePositions {

    private final Path file;
    private final String text;
    private int offset;
    private int line;
    private int column;

    /** {@code line} and {@code column} are where {@code text} starts in {@code file}. */
    SourcePositions(Path file, String text, int line, int column) {
        this.file = file;
        this.text = text;
        this.line = line;
        this.column = column;
    }

    /** Where {@code target} is in the file; {@code target} may not be before an offset already asked for. */
    Location locate(int target) {
        if (target < offset) {
            throw new IllegalArgumentException("offset " + target + " is before " + offset);
        }
        while (offset < target) {
            char c = text.charAt(offset++);
            if (c == '\n') {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c)) {
                column++;
            }
        }
        return new Location(file, line, column);
    }
}
