package dev.schemagate.migration;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the migrations of one layout. Discovery first asks every file whether this layout
 * {@linkplain #recognizes recognizes} it (that is also how a layout is detected), then hands all of
 * them to {@link #read}, which may therefore count on every file being one it recognizes.
 */
interface LayoutReader {

    Layout layout();

    /** True when this layout reads the file, judged by its name and, where names are shared, its markers. */
    boolean recognizes(SourceFile file);

    /**
     * False when detection must not pick this layout for these files even though it reads them
     * (a layout whose names are another's, told apart only by a marker).
     */
    default boolean claims(List<SourceFile> files) {
        return true;
    }

    /** The file names this layout reads, for messages about a file it does not. */
    String expected();

    /**
     * Why the layout's tool leaves alone a file this layout does not {@linkplain #recognizes
     * recognize} (it is then ignored with a note); empty when the tool would fail on it, which
     * makes the file an input error.
     */
    default Optional<String> ignores(SourceFile file) {
        return Optional.empty();
    }

    /** The order the tool applies versions in: by {@link Version}'s numeric rules unless it says otherwise. */
    default Comparator<Version> order() {
        return Comparator.naturalOrder();
    }

    /** The migrations of these files, in any order; each reader reports its own malformed input. */
    List<Migration> read(List<SourceFile> files);

    /** The matcher of a name already known to match, its groups ready to read. */
    static Matcher matched(Pattern pattern, String name) {
        Matcher matcher = pattern.matcher(name);
        if (!matcher.matches()) {
            throw new IllegalStateException(name + " was recognized but does not match " + pattern);
        }
        return matcher;
    }
}
