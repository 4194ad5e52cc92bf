package dev.schemagate.migration;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A layout a project describes in {@code schemagate.yml} for a runner of its own: either a file
 * name pattern with named groups, or an ordered list of files.
 *
 * <pre>
 * layout:
 *   pattern: '(?&lt;version&gt;\d+)_(?&lt;description&gt;\w+)\.(?&lt;direction&gt;up|down)\.sql'
 *   order: numeric            # or text
 *   transaction: wrapped      # or one-query, none
 * </pre>
 * The pattern is matched against each file's path inside the migrations folder; its groups
 * {@code version} (required), {@code description}, {@code direction} ({@code down}, {@code rollback},
 * {@code revert} or {@code undo} for a down script, anything else for an up script; without it
 * every file is an up script) and {@code dialect} (a file naming another dialect is left
 * out) say what the file is. Or:
 * <pre>
 * layout:
 *   files:                    # applied in this order; globs expand in name order
 *     - versioned/v1.0/*.sql
 *     - versioned/v1.2/*.sql
 *   manifest: versioned/manifest.txt   # or the same list, one path a line, in a file
 * </pre>
 *
 * @param pattern     the file name pattern, or null for a list
 * @param textOrder   true when versions sort as text rather than as numbers
 * @param files       the ordered list of paths or globs, empty for a pattern
 * @param transaction how the runner runs each script
 */
public record CustomLayout(Pattern pattern, boolean textOrder, List<String> files, Transaction transaction) {

    public CustomLayout {
        files = List.copyOf(files);
    }
}
