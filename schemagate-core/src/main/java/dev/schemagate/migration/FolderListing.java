package dev.schemagate.migration;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lists the files of a migrations folder, subfolders included, in name order, leaving out the
 * files that obviously are not migrations and do no harm there: dotfiles and dot-folders (such as
 * {@code .gitkeep} and {@code .git}), {@code README*}, {@code *.md}, Atlas's {@code atlas.sum} and
 * Schemagate's own {@code schemagate.yml} (or {@code .yaml}) and {@code schemagate.sum}.
 * Every other file must belong to the folder's layout; the readers say which they take.
 * Links are followed; a link back to a folder above it (a loop) or to nothing is an input error
 * naming it, rather than a file silently missing from the history.
 */
final class FolderListing {

    private FolderListing() {
    }

    /** Refuses a migrations folder (or changelog) that does not exist. */
    static void requireExisting(Path directory) {
        if (!Files.exists(directory)) {
            throw new InputException(directory + ": no such folder; check the path of the migrations folder");
        }
    }

    static List<SourceFile> list(Path directory) {
        requireExisting(directory);
        if (!Files.isDirectory(directory)) {
            throw new InputException(directory + ": is not a folder; give the folder that holds the migration files");
        }
        List<SourceFile> files = new ArrayList<>();
        try {
            Set<FileVisitOption> options = EnumSet.of(FileVisitOption.FOLLOW_LINKS);
            Files.walkFileTree(directory, options, Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    boolean hidden = !dir.equals(directory) && dir.getFileName().toString().startsWith(".");
                    return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof FileSystemLoopException) {
                        throw new InputException(file + ": is a link to a folder that holds it, a loop;"
                                + " remove the link or point it elsewhere");
                    }
                    throw e;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isSymbolicLink()) {
                        throw new InputException(file + ": is a link to nothing (" + target(file)
                                + " does not exist); remove the link or restore its target");
                    }
                    if (attributes.isRegularFile() && !harmless(file.getFileName().toString())) {
                        String relative = directory.relativize(file).toString().replace('\\', '/');
                        files.add(new SourceFile(file, relative));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new InputException(directory + ": cannot be listed (" + e.getMessage() + "); check that it may be read", e);
        }
        files.sort(Comparator.comparing(SourceFile::relative));
        return files;
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "its target";
        }
    }

    static boolean harmless(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith(".") || lower.startsWith("readme") || lower.endsWith(".md") || lower.equals("atlas.sum")
                || lower.equals(MigrationDiscovery.SUM_FILE_NAME)
                || lower.equals(MigrationDiscovery.BASELINE_FILE_NAME) || MigrationDiscovery.CONFIG_FILE_NAMES.contains(lower);
    }
}
