package dev.schemagate.mutation;

import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.migration.Script;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One small change to one script of one migration, and the migrations with it in place.
 *
 * @param id        {@code M0001}, in the order mutants are made (migration, script, operator, place)
 * @param operator  the operator that made it
 * @param migration the index of the migration in its set
 * @param direction which script it changes
 * @param file      the file of that script
 * @param line      the first line it changes
 * @param summary   what changed, for people
 * @param diff      the change as a unified diff of the file
 * @param script    the changed script
 * @param text      the file's whole text with the change made
 */
public record Mutant(String id, MutationOperator operator, int migration, Direction direction, Path file, int line, String summary,
                     String diff, Script script, String text) {

    /** The migrations with this mutant in place of its migration's script. */
    public MigrationSet applyTo(MigrationSet set) {
        List<Migration> migrations = new ArrayList<>(set.migrations());
        Migration original = migrations.get(migration);
        migrations.set(migration, direction == Direction.UP
                ? new Migration(original.version(), original.description(), script, original.down())
                : new Migration(original.version(), original.description(), original.up(), Optional.of(script)));
        return new MigrationSet(set.directory(), set.layout(), migrations, set.ignored());
    }
}
