package dev.schemagate.lint;

import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Lint rules a dialect supplies for itself, found with {@link ServiceLoader} so that the lint core
 * never depends on a dialect module: every statement rule lives in its dialect's module, and core
 * keeps only the rules about the folder and the run ({@link Rules}). The rules read the text; a
 * dialect whose database shows locks and rewrites may also find what only that evidence shows. The
 * judge applies the config and the ignore annotations to them as to any rule.
 */
public interface DialectRules {

    /** The dialect id they serve, such as {@code sqlite}. */
    String dialect();

    /** Every rule they may report, each documented in {@code docs/rules/<id>.md}. */
    List<Rule> rules();

    /**
     * What the rules suspect in the up scripts, read in apply order: the history's statements are
     * read too, to know what exists, but only the change's are suspected.
     */
    List<Suspicion> suspect(List<LintPlan.PlannedScript> scripts, HistoryCut cut);

    /**
     * Whether a suspicion of theirs that needs {@link Suspicion.Need#DIALECT} stands, given what the
     * dialect's observer saw when its statement ran ({@code observed} is null when the lint reads the
     * text only, or the statement did not run).
     */
    default boolean stands(Suspicion suspicion, Observation observed) {
        return observed != null || !suspicion.newTable();
    }

    /** The rules of a dialect, if a module on the class path supplies them. */
    public static Optional<DialectRules> find(String dialect) {
        return all().stream().filter(rules -> rules.dialect().equalsIgnoreCase(dialect)).findFirst();
    }

    /** Every dialect's rules on the class path. */
    static List<DialectRules> all() {
        List<DialectRules> found = new ArrayList<>();
        ServiceLoader.load(DialectRules.class).forEach(found::add);
        return found;
    }

    /**
     * What only the database's evidence shows about one statement: findings no suspicion explained
     * ({@code covered} says which rules' suspicions stood on it; {@code inProduction} whether a table
     * holds rows in production). None by default.
     */
    default List<Evident> evident(Statement statement, Observation observed, Predicate<Rule> covered,
                                  Predicate<String> inProduction) {
        return List.of();
    }

    /**
     * The ids of these rules whose finding repeats what the apply check shows when the server refuses
     * a statement inside the tool's transaction: a verify run keeps the apply check's finding, with the
     * server's evidence, alone. None by default.
     */
    default Set<String> repeatRefusalInTransaction() {
        return Set.of();
    }

    /**
     * Squawk's rule names mapped to the ids of these rules that judge the same thing, so that a
     * project's {@code -- squawk-ignore <rule>} comments silence them. None by default.
     */
    default Map<String, List<String>> squawk() {
        return Map.of();
    }

    /**
     * A finding the evidence alone shows.
     *
     * @param rule    the rule
     * @param message what the statement did
     * @param table   the table the evidence lines are about
     */
    record Evident(Rule rule, String message, String table) {
    }
}
