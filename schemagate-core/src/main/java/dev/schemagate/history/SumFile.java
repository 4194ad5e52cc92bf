package dev.schemagate.history;

import dev.schemagate.migration.InputException;
import dev.schemagate.migration.MigrationDiscovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sum file {@code schemagate hash} writes next to the migrations ({@code schemagate.sum}), so
 * that a project without git history at hand can still tell when a migration of its history was
 * edited, deleted or renamed. The format follows Atlas's {@code atlas.sum}: a first line
 * {@code h1:<sum>} over the whole file, then one line {@code <file> h1:<hash>} per migration file,
 * hashes being base64 SHA-256. Unlike Atlas's, each file's hash covers that file's bytes alone
 * (Atlas chains every file into the next), so an edit names the one file edited rather than every
 * file after it, and a renamed file is known by its unchanged hash; the first line covers the names.
 *
 * @param hashes each migration file, relative to the folder, and its hash, in name order
 */
public record SumFile(Map<String, String> hashes) {

    private static final String PREFIX = "h1:";

    public SumFile {
        hashes = Collections.unmodifiableMap(new LinkedHashMap<>(hashes));
    }

    /** The sum file's place in a migrations folder. */
    public static Path path(Path directory) {
        return directory.resolve(MigrationDiscovery.SUM_FILE_NAME);
    }

    /** The hashes of the files of {@code directory} as they are now. */
    public static SumFile of(Path directory) {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String file : MigrationDiscovery.files(directory)) {
            try {
                hashes.put(file, hash(Files.readAllBytes(directory.resolve(file))));
            } catch (IOException e) {
                throw new InputException(directory.resolve(file) + ": cannot be read (" + e.getMessage() + ")", e);
            }
        }
        return new SumFile(hashes);
    }

    /**
     * The sum file of {@code directory}, if it has one.
     *
     * @throws InputException when it cannot be read, or its first line does not match the rest (edited by
     *                        hand, or a merge that kept lines of both sides)
     */
    public static Optional<SumFile> read(Path directory) {
        Path file = path(directory);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        String[] lines = text.split("\n");
        Map<String, String> hashes = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int space = lines[i].lastIndexOf(' ');
            if (space <= 0 || !lines[i].startsWith(PREFIX, space + 1)) {
                throw broken(file, "line " + (i + 1) + " is not '<file> h1:<hash>'");
            }
            hashes.put(lines[i].substring(0, space), lines[i].substring(space + 1));
        }
        SumFile sum = new SumFile(hashes);
        if (lines.length == 0 || !lines[0].equals(sum.total())) {
            throw broken(file, "its first line does not match the hashes below it");
        }
        return Optional.of(sum);
    }

    private static InputException broken(Path file, String what) {
        return new InputException(file + ": " + what + " (edited by hand, or merged keeping lines of both sides);"
                + " write it again with 'schemagate hash " + file.getParent() + "' on the main branch");
    }

    /** Writes this sum file into {@code directory} and returns its path. */
    public Path write(Path directory) {
        Path file = path(directory);
        try {
            Files.writeString(file, text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file + ": cannot be written (" + e.getMessage() + ")", e);
        }
        return file;
    }

    /** The file's text. */
    public String text() {
        StringBuilder text = new StringBuilder(total()).append('\n');
        hashes.forEach((file, hash) -> text.append(file).append(' ').append(hash).append('\n'));
        return text.toString();
    }

    private String total() {
        MessageDigest digest = sha256();
        hashes.forEach((file, hash) -> {
            digest.update(file.getBytes(StandardCharsets.UTF_8));
            digest.update(hash.getBytes(StandardCharsets.UTF_8));
        });
        return PREFIX + Base64.getEncoder().encodeToString(digest.digest());
    }

    private static String hash(byte[] content) {
        return PREFIX + Base64.getEncoder().encodeToString(sha256().digest(content));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
