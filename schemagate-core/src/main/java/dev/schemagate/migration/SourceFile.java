package dev.schemagate.migration;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A file of a migrations folder: where it is, its path inside the folder, and its text, read once
 * and only when a reader needs it. Reading is strict so that a broken file is reported by name
 * instead of turning into strange SQL: NUL bytes mean a binary file, bytes that are not UTF-8 are
 * refused with their offset and line, and a byte order mark is dropped.
 */
final class SourceFile {

    /** A byte order mark, which reading drops. */
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Path path;
    private final String relative;
    private String text;

    SourceFile(Path path, String relative) {
        this.path = path;
        this.relative = relative;
    }

    /** The file as found: the folder's path resolved with the relative one. */
    Path path() {
        return path;
    }

    /** The path inside the migrations folder, with {@code /} between names. */
    String relative() {
        return relative;
    }

    /** The file name, without folders. */
    String name() {
        return relative.substring(relative.lastIndexOf('/') + 1);
    }

    /** How deep the file is: 1 for a file directly in the migrations folder. */
    int depth() {
        return relative.split("/").length;
    }

    /** The name of the folder holding the file, inside the migrations folder; empty at depth 1. */
    String folder() {
        int slash = relative.lastIndexOf('/');
        return slash < 0 ? "" : relative.substring(0, slash);
    }

    /** The same file with its text replaced, as by Flyway's placeholders. */
    SourceFile withText(String replaced) {
        SourceFile copy = new SourceFile(path, relative);
        copy.text = replaced;
        return copy;
    }

    String text() {
        if (text == null) {
            text = read(path);
        }
        return text;
    }

    /**
     * Whether the file's text begins with {@code prefix}, reading only that many bytes when the text
     * has not been read: a marker at the start of a file is checked without reading every file whole.
     */
    boolean startsWith(String prefix) {
        if (text != null) {
            return text.startsWith(prefix);
        }
        byte[] expected = prefix.getBytes(StandardCharsets.UTF_8);
        // a FileInputStream rather than a channel: a short path through the JDK, as detection may read the
        // first bytes of every file of a large folder in a JVM that has just started
        try (InputStream in = new FileInputStream(path.toFile())) {
            byte[] start = in.readNBytes(expected.length + BOM.length);
            int skip = Arrays.equals(start, 0, Math.min(BOM.length, start.length), BOM, 0, BOM.length) ? BOM.length : 0;
            return Arrays.equals(start, skip, Math.min(skip + expected.length, start.length), expected, 0, expected.length);
        } catch (IOException e) {
            throw new InputException(path + ": cannot be read (" + e.getMessage() + "); check that it exists and may be read", e);
        }
    }

    /** The whole file as one script, split on {@code ;}. */
    Script wholeScript(Transaction transaction) {
        return new Script(path, List.of(new ScriptPart(text(), 1, 1, ScriptPart.SEMICOLON)), transaction);
    }

    @Override
    public String toString() {
        return relative;
    }

    private static String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read (" + e.getMessage() + "); check that it exists and may be read", e);
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new InputException(file + ": is a binary file (NUL byte at offset " + i
                        + "); a migration must be UTF-8 text, so remove it from the migrations folder");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            throw new InputException(file + ":" + lineAt(bytes, offset) + ": is not valid UTF-8 (byte offset " + offset
                    + "); save the file as UTF-8");
        }
        decoder.flush(out);
        String decoded = out.flip().toString();
        return decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
