package dev.schemagate.lint;

import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.migration.Script;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules about the folder rather than the SQL: file names (the team's pattern, spaces),
 * versions that sort differently by name, gaps in sequential numbering, migrations without a down.
 * Discovery already refuses what cannot be read at all (duplicate versions, a down without an up).
 */
final class LayoutChecks {

    private LayoutChecks() {
    }

    static List<FileSuspicion> check(MigrationSet set, Optional<Pattern> namePattern) {
        List<FileSuspicion> out = new ArrayList<>();
        Set<Path> files = new LinkedHashSet<>();
        for (Migration migration : set.migrations()) {
            files.add(migration.up().file());
            migration.down().map(Script::file).ifPresent(files::add);
            if (migration.down().isEmpty() && !migration.repeatable()) {
                out.add(new FileSuspicion(Rules.MISSING_DOWN, migration.up().file(),
                        "migration " + migration.displayName() + " has no down script"));
            }
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
            if (name.contains(" ")) {
                out.add(new FileSuspicion(Rules.SPACE_IN_NAME, file, "file name '" + name + "' contains a space"));
            }
            namePattern.filter(p -> !p.matcher(stem).find()).ifPresent(p -> out.add(new FileSuspicion(Rules.FILE_NAME, file,
                    "file name '" + stem + "' does not match the naming pattern " + p.pattern())));
        }
        versions(set, out);
        return out;
    }

    private static void versions(MigrationSet set, List<FileSuspicion> out) {
        List<Migration> versioned = set.migrations().stream().filter(m -> !m.repeatable()).toList();
        for (int i = 1; i < versioned.size(); i++) {
            Migration previous = versioned.get(i - 1);
            Migration migration = versioned.get(i);
            Path file = migration.up().file();
            String previousName = previous.up().file().getFileName().toString();
            if (file.getFileName().toString().compareTo(previousName) < 0
                    && file.getParent().equals(previous.up().file().getParent())) {
                out.add(new FileSuspicion(Rules.VERSION_ORDER, file, "version " + migration.version() + " comes after "
                        + previous.version() + ", but its file name sorts before " + previousName));
            }
            List<BigInteger> before = previous.version().segments();
            List<BigInteger> after = migration.version().segments();
            if (before.size() == 1 && after.size() == 1 && after.get(0).subtract(before.get(0)).compareTo(BigInteger.ONE) > 0) {
                out.add(new FileSuspicion(Rules.VERSION_GAP, file, "version " + migration.version() + " follows "
                        + previous.version() + "; " + after.get(0).subtract(before.get(0)).subtract(BigInteger.ONE) + " missing"));
            }
        }
    }
}
