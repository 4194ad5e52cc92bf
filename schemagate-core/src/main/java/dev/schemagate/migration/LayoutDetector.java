package dev.schemagate.migration;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides a folder's layout from its files. Each file fits the layouts that
 * {@linkplain LayoutReader#recognizes recognize} it; the folder's layout must fit every file, and
 * where several do (files named {@code 1_x.up.sql} are both golang-migrate and plain), the first in
 * the readers' order of preference wins. Files that no single layout fits together make an
 * ambiguous folder: an input error naming the files, since guessing would verify something other
 * than what the tool in use runs. A file no layout recognizes does not count here: the chosen
 * layout's tool may ignore it (see {@link MigrationDiscovery}). Harmless files never get here (see
 * {@link FolderListing}).
 */
final class LayoutDetector {

    private LayoutDetector() {
    }

    static LayoutReader detect(Path directory, List<SourceFile> files, List<LayoutReader> readers) {
        readers = readers.stream().filter(r -> r.claims(files)).toList();
        // the layout picked below is the first that reads every file some layout reads; asked layout by
        // layout, a folder of one layout is told by its names, and the others read only the files they decide on
        for (LayoutReader reader : readers) {
            if (readsAll(reader, files, readers)) {
                return reader;
            }
        }
        List<LayoutReader> candidates = readers;
        SourceFile witness = null;
        for (SourceFile file : files) {
            // only the layouts still in the running are asked first: some read and scan the file's text
            List<LayoutReader> remaining = candidates.stream().filter(r -> r.recognizes(file)).toList();
            if (remaining.isEmpty()) {
                List<LayoutReader> fits = readers.stream().filter(r -> r.recognizes(file)).toList();
                if (fits.isEmpty()) {
                    continue;
                }
                throw new InputException(directory + ": mixes " + ids(candidates) + " files such as " + witness.path()
                        + " with " + ids(fits) + " files such as " + file.path()
                        + "; keep one layout in a folder, or name the layout to use");
            }
            if (witness == null || remaining.size() < candidates.size()) {
                witness = file;
            }
            candidates = remaining;
        }
        if (witness == null) {
            throw unknown(files.get(0));
        }
        return candidates.get(0);
    }

    /** Whether {@code reader} recognizes at least one file and every file another of {@code readers} recognizes. */
    private static boolean readsAll(LayoutReader reader, List<SourceFile> files, List<LayoutReader> readers) {
        boolean any = false;
        for (SourceFile file : files) {
            if (reader.recognizes(file)) {
                any = true;
            } else if (readers.stream().anyMatch(other -> other != reader && other.recognizes(file))) {
                return false;
            }
        }
        return any;
    }

    static InputException unknown(SourceFile file) {
        if (file.depth() > 1) {
            return new InputException(file.path() + ": is not a migration file, and only Flyway reads migrations in"
                    + " subfolders; give the folder that holds the migration files, or remove this one");
        }
        return new InputException(file.path() + ": is not a migration file of any layout Schemagate reads;"
                + " remove it or move it out of the migrations folder");
    }

    private static String ids(List<LayoutReader> readers) {
        return readers.stream().map(r -> r.layout().id()).collect(Collectors.joining("/"));
    }
}
