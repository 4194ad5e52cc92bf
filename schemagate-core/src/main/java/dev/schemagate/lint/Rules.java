package dev.schemagate.lint;

import dev.schemagate.check.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.schemagate.check.Severity.ERROR;
import static dev.schemagate.check.Severity.INFO;
import static dev.schemagate.check.Severity.WARNING;

/**
 * The lint rules of core, which are about the folder and the run rather than any database's SQL
 * (file names, versions, downs, ignore annotations, an observation that stopped); every statement
 * rule is its dialect's ({@link DialectRules}). {@link #all()} is derived: these and every
 * dialect's on the class path.
 */
public final class Rules {

    public static final Rule FILE_NAME = rule("lint.file-name", ERROR,
            "The file name does not follow the team's naming convention.",
            "Rename the file to match the convention set in schemagate.yml (naming.pattern).");
    public static final Rule SPACE_IN_NAME = rule("lint.space-in-name", WARNING,
            "Spaces in migration file names break shell scripts and some migration tools.",
            "Use underscores instead of spaces.");
    public static final Rule VERSION_ORDER = rule("lint.version-order", WARNING,
            "File names sort differently from versions, so anything that applies files in name order runs them out of order.",
            "Pad versions with zeros to one width (0001_, 0002_, ..., 0010_).");
    public static final Rule IGNORE_WITHOUT_REASON = rule("lint.ignore-without-reason", WARNING,
            "An ignore annotation without a reason hides a finding with nothing for reviewers to judge.",
            "Write the reason after the rule id: -- schemagate:ignore lint.drop-column column unused since v2.3");
    public static final Rule VERSION_GAP = optIn("lint.version-gap", WARNING,
            "The team numbers migrations sequentially and a number is missing, often a sign of a lost or renumbered file.",
            "Renumber the migrations so that the versions follow each other.");
    public static final Rule MISSING_DOWN = optIn("lint.missing-down", WARNING,
            "The migration has no rollback, so it cannot be reverted if the deploy goes wrong.",
            "Add the down script that reverts it.");
    public static final Rule OBSERVATION_STOPPED = new Rule("lint.observation-stopped", WARNING, false,
            "A statement failed on the scratch database, so it and the statements after it were judged on their text alone.",
            "Run 'schemagate verify' to see why it fails; a migration that fails on a scratch database fails in production too.");
    public static final Rule FAILS_ON_SEEDED_ROWS = new Rule("lint.fails-on-seeded-rows", WARNING, false,
            "A statement failed once the tables held rows, so the migration may fail on a database that holds data;"
                    + " the migration was run again without the sample rows and the lint went on.",
            "Make the statement accept every value its columns allow (the sample rows are synthetic, so check the"
                    + " values your tables really hold), or ignore this with the reason it cannot happen.");
    public static final Rule NONDETERMINISTIC_FAILURE = new Rule("lint.nondeterministic-failure", WARNING, false,
            "A statement failed once and ran when tried again from the same schema and rows, so whether the migration"
                    + " applies depends on something else, and a deploy may fail where a test run passed.",
            "Make the statement's outcome depend on the schema and rows alone (no sequence value, clock or random() in"
                    + " a condition that can fail), or ignore this with the reason it cannot fail in production.");
    public static final Rule SEED_SKIPPED = new Rule("lint.seed-skipped", INFO, false,
            "A table could not be filled with sample rows, so locks and rewrites on it were observed on an empty table.",
            "Nothing to do in the migration; the evidence for this table is weaker.");


    private static final List<Rule> CORE = List.of(FILE_NAME, SPACE_IN_NAME, VERSION_ORDER, IGNORE_WITHOUT_REASON,
            VERSION_GAP, MISSING_DOWN, OBSERVATION_STOPPED, FAILS_ON_SEEDED_ROWS, NONDETERMINISTIC_FAILURE, SEED_SKIPPED);

    private Rules() {
    }

    /** The rules of core alone. */
    public static List<Rule> core() {
        return CORE;
    }

    /** Every rule: core's, then each dialect's on the class path ({@link DialectRules}). */
    public static List<Rule> all() {
        List<Rule> all = new ArrayList<>(CORE);
        DialectRules.all().forEach(rules -> all.addAll(rules.rules()));
        return List.copyOf(all);
    }

    /** A rule of the core's, or of a dialect's on the class path. */
    public static Optional<Rule> byId(String id) {
        return all().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private static Rule rule(String id, Severity severity, String why, String hint) {
        return new Rule(id, severity, false, why, hint);
    }

    private static Rule optIn(String id, Severity severity, String why, String hint) {
        return new Rule(id, severity, true, why, hint);
    }
}
