package dev.schemagate.liquibase;

import dev.schemagate.migration.InputException;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where Liquibase looks for the files a changelog names, as it would at run time: the class path
 * root a Maven or Gradle project puts it on (the nearest {@code resources}, {@code classes} or
 * {@code test-classes} folder above the changelog, so that {@code db/changelog/changes/001.yaml} resolves as in a Spring Boot
 * application), then the changelog's own folder, then the current folder (the Liquibase command
 * line's default search path).
 *
 * @param changelog the changelog as given
 * @param roots     the folders, absolute, in the order they are searched
 */
record SearchRoots(Path changelog, List<Path> roots) {

    /** The names of the folders a build puts on the class path: sources, and where Maven copies them. */
    private static final Set<String> CLASS_PATH_ROOTS = Set.of("resources", "classes", "test-classes");

    static SearchRoots of(Path changelog) {
        Path absolute = changelog.toAbsolutePath().normalize();
        Set<Path> roots = new LinkedHashSet<>();
        for (Path dir = absolute.getParent(); dir != null; dir = dir.getParent()) {
            if (dir.getFileName() != null && CLASS_PATH_ROOTS.contains(dir.getFileName().toString())) {
                roots.add(dir);
                break;
            }
        }
        roots.add(absolute.getParent());
        roots.add(Path.of("").toAbsolutePath());
        return new SearchRoots(changelog, List.copyOf(roots));
    }

    /** The folder that holds the changelog, as given. */
    Path folder() {
        Path parent = changelog.getParent();
        return parent == null ? Path.of(".") : parent;
    }

    /** The changelog's path as Liquibase names it: relative to the first root, with {@code /}. */
    String changelogPath() {
        return roots.get(0).relativize(changelog.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    ResourceAccessor accessor() {
        List<ResourceAccessor> accessors = new ArrayList<>();
        for (Path root : roots) {
            try {
                accessors.add(new DirectoryResourceAccessor(root));
            } catch (FileNotFoundException e) {
                throw new InputException(root + ": cannot be searched for changelogs (" + e.getMessage() + ")", e);
            }
        }
        return new CompositeResourceAccessor(accessors);
    }

    /**
     * The file a changeset's path names, in the form people read: relative to the current folder
     * when it is inside it; the changelog itself when no root holds it.
     */
    Path file(String liquibasePath) {
        String relative = liquibasePath.replaceFirst("^classpath\\*?:", "").replaceFirst("^/+", "");
        Optional<Path> found = roots.stream().map(root -> root.resolve(relative).normalize()).filter(Files::isRegularFile).findFirst();
        if (found.isEmpty()) {
            Path direct = Path.of(liquibasePath);
            return Files.isRegularFile(direct) ? display(direct.toAbsolutePath().normalize()) : changelog;
        }
        return display(found.get());
    }

    private static Path display(Path absolute) {
        Path here = Path.of("").toAbsolutePath();
        return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
    }
}
