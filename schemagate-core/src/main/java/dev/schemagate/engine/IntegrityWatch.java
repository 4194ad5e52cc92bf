package dev.schemagate.engine;

import dev.schemagate.check.Finding;
import dev.schemagate.check.IntegrityFindings;
import dev.schemagate.data.IntegrityProblem;
import dev.schemagate.dialect.Vocabulary;
import dev.schemagate.migration.Migration;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.Index;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows the integrity of the database through a run: reports each problem once, after the
 * migration that caused it, and at the end the constraints still left NOT VALID (a constraint
 * added NOT VALID and validated by a later migration is the safe pattern, not a problem).
 */
final class IntegrityWatch {

    private final Vocabulary words;
    private final Set<String> reported = new HashSet<>();
    private final Map<String, Sighting> notValid = new LinkedHashMap<>();

    /** A watch that tells its findings in the dialect's {@code words}. */
    IntegrityWatch(Vocabulary words) {
        this.words = words;
    }

    /** The new problems in the state {@code migration} left, from its snapshot and from the data. */
    List<Finding> after(Migration migration, Snapshot state, List<IntegrityProblem> fromData) {
        List<Finding> findings = new ArrayList<>();
        for (IntegrityProblem problem : problems(state, fromData)) {
            if (problem.kind() == IntegrityProblem.Kind.NOT_VALID_CONSTRAINT) {
                if (!reported.contains(problem.key())) {
                    notValid.putIfAbsent(problem.key(), new Sighting(migration, problem));
                }
            } else if (reported.add(problem.key())) {
                findings.add(IntegrityFindings.after(migration, problem, words));
            }
        }
        return findings;
    }

    /**
     * The problems of a state the history left: they were there before the change, so they are not
     * the change's to report, after a migration or at the end.
     */
    void inherit(Snapshot state, List<IntegrityProblem> fromData) {
        for (IntegrityProblem problem : problems(state, fromData)) {
            reported.add(problem.key());
        }
    }

    private static List<IntegrityProblem> problems(Snapshot state, List<IntegrityProblem> fromData) {
        List<IntegrityProblem> problems = new ArrayList<>(fromData);
        for (Table table : state.tables()) {
            for (Index index : table.indexes()) {
                if (!index.valid()) {
                    problems.add(new IntegrityProblem(IntegrityProblem.Kind.INVALID_INDEX, table.qualifiedName(),
                            index.name(), index.definition()));
                }
            }
            for (Constraint constraint : table.constraints()) {
                if (!constraint.validated()) {
                    problems.add(new IntegrityProblem(IntegrityProblem.Kind.NOT_VALID_CONSTRAINT,
                            table.qualifiedName(), constraint.name(), constraint.definition()));
                }
            }
        }
        return problems;
    }

    /** The constraints of the final state still NOT VALID, each named with the migration that added it. */
    List<Finding> atEnd(Snapshot state) {
        return notValid.values().stream()
                .filter(seen -> state.table(seen.problem().table())
                        .flatMap(table -> table.constraint(seen.problem().object()))
                        .filter(constraint -> !constraint.validated()).isPresent())
                .map(seen -> IntegrityFindings.after(seen.migration(), seen.problem(), words))
                .toList();
    }

    private record Sighting(Migration migration, IntegrityProblem problem) {
    }
}
