package dev.schemagate.mutation;

import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.InputException;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.migration.Script;
import dev.schemagate.migration.StatementSplitter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Makes the mutants of a migration set: every change every operator proposes to every script of
 * the migrations after the history cut, cut into statements by the dialect's splitter.
 */
public final class Mutator {

    private final StatementSplitter splitter;
    private final List<MutationOperator> operators;
    private final Path base;
    private final Map<Path, String> files = new HashMap<>();

    /**
     * @param base the folder diffs name files relative to
     */
    public Mutator(StatementSplitter splitter, List<MutationOperator> operators, Path base) {
        this.splitter = splitter;
        this.operators = List.copyOf(operators);
        this.base = base.toAbsolutePath().normalize();
    }

    /** Every mutant of the migrations that are not history, in order. Repeatable migrations are left alone. */
    public List<Mutant> mutants(MigrationSet set, HistoryCut cut) {
        List<Mutant> mutants = new ArrayList<>();
        for (int i = 0; i < set.migrations().size(); i++) {
            Migration migration = set.migrations().get(i);
            if (migration.repeatable() || cut.isHistory(migration)) {
                continue;
            }
            mutate(i, new TargetScript(migration, Direction.UP, migration.up(), splitter.split(migration.up())), mutants);
            if (migration.down().isPresent()) {
                Script down = migration.down().get();
                mutate(i, new TargetScript(migration, Direction.DOWN, down, splitter.split(down)), mutants);
            }
        }
        return mutants;
    }

    /** At most {@code max} of the mutants, drawn with {@code seed} (the same seed draws the same ones), kept in order. */
    public static List<Mutant> sample(List<Mutant> mutants, int max, long seed) {
        if (max <= 0 || mutants.size() <= max) {
            return mutants;
        }
        List<Integer> picks = new ArrayList<>();
        for (int i = 0; i < mutants.size(); i++) {
            picks.add(i);
        }
        Collections.shuffle(picks, new Random(seed));
        return picks.subList(0, max).stream().sorted().map(mutants::get).toList();
    }

    private void mutate(int migration, TargetScript target, List<Mutant> mutants) {
        for (MutationOperator operator : operators) {
            for (Change change : operator.changes(target)) {
                String text = text(target.script().file());
                Optional<ScriptEdits.Edited> edited = ScriptEdits.apply(target.script(), target.statements(), change, text);
                if (edited.isEmpty() || edited.get().fileText().equals(text)) {
                    continue;
                }
                Path file = target.script().file();
                String name = relative(file);
                String id = String.format("M%04d", mutants.size() + 1);
                mutants.add(new Mutant(id, operator, migration, target.direction(), file, edited.get().line(), change.summary(),
                        UnifiedDiff.of(name, text, edited.get().fileText()), edited.get().script(),
                        edited.get().fileText()));
            }
        }
    }

    private String relative(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString().replace('\\', '/');
    }

    private String text(Path file) {
        return files.computeIfAbsent(file, f -> {
            try {
                return Files.readString(f);
            } catch (IOException e) {
                throw new InputException(f + ": cannot read the migration to mutate it: " + e.getMessage());
            }
        });
    }
}
