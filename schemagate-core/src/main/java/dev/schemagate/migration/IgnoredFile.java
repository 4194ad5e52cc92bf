package dev.schemagate.migration;

import java.nio.file.Path;

/**
 * A file in the migrations folder that the folder's tool leaves alone (a stray {@code .sql} file
 * beside diesel's folders, a {@code .keep}), so Schemagate leaves it alone too and says so.
 *
 * @param file   the file
 * @param reason why the tool does not run it
 */
public record IgnoredFile(Path file, String reason) {
}
