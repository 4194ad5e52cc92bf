package dev.schemagate.lint;

import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.migration.Script;
import dev.schemagate.migration.Statement;
import dev.schemagate.migration.Transaction;

import java.nio.file.Path;
import java.util.List;

/**
 * A migration history read for linting: each up script split into statements, what the text of
 * each statement suggests, and what the folder's layout suggests. Static linting judges it as is;
 * observed linting runs the same statements and judges the same suspicions with evidence.
 *
 * @param set         the migrations
 * @param cut         the history, whose scripts are run but not judged
 * @param scripts     the up scripts in apply order, split
 * @param suspicions  what the statement rules suspect, in statement order
 * @param files       what the layout rules suspect
 */
public record LintPlan(MigrationSet set, HistoryCut cut, List<PlannedScript> scripts, List<Suspicion> suspicions,
                       List<FileSuspicion> files) {

    public LintPlan {
        scripts = List.copyOf(scripts);
        suspicions = List.copyOf(suspicions);
        files = List.copyOf(files);
    }

    /** True when the file is an up or down script of a migration of the history. */
    public boolean past(Path file) {
        return set.migrations().stream().filter(cut::isHistory)
                .anyMatch(m -> m.up().file().equals(file) || m.down().map(Script::file).filter(file::equals).isPresent());
    }

    /** One up script and its statements. */
    public record PlannedScript(Migration migration, Script script, List<Statement> statements) {

        public PlannedScript {
            statements = List.copyOf(statements);
        }

        /** True when it can be observed in one transaction: the tool may run it in one, and no statement refuses one. */
        public boolean transactional() {
            return script.transaction().mode() != Transaction.Mode.NONE && statements.stream().allMatch(Statement::transactional);
        }
    }
}
