package dev.schemagate.applied;

import dev.schemagate.migration.InputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;

/** The checksums migration tools record of a script, computed from its file exactly as each tool does. */
public final class Checksums {

    private Checksums() {
    }

    /**
     * Flyway's: CRC32 over the UTF-8 bytes of each line without its line ending (so {@code \n},
     * {@code \r\n} and {@code \r} give the same sum), a byte order mark at the start left out; the
     * result as a signed 32-bit number.
     */
    public static String flyway(Path file) {
        CRC32 crc = new CRC32();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            if (line != null && line.startsWith("\ufeff")) {
                line = line.substring(1);
            }
            for (; line != null; line = reader.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read as UTF-8 text to compute its Flyway checksum (" + e.getMessage() + ")", e);
        }
        return String.valueOf((int) crc.getValue());
    }

    /** sqlx's: SHA-384 of the file's text, in hex. */
    public static String sqlx(Path file) {
        try {
            byte[] text = Files.readString(file, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-384").digest(text));
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read as UTF-8 text to compute its sqlx checksum (" + e.getMessage() + ")", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-384", e);
        }
    }
}
