package dev.schemagate.lint;

import dev.schemagate.migration.HistoryCut;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Lint rules a dialect supplies for itself, found with {@link ServiceLoader} so that the lint core
 * never depends on a dialect module. A dialect that has them is linted by them (and by the layout
 * rules), not by the statement rules written for a database that observes locks and rewrites; they
 * read the text, and the judge applies the config and the ignore annotations to them as to any rule.
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
    static Optional<DialectRules> find(String dialect) {
        return all().stream().filter(rules -> rules.dialect().equalsIgnoreCase(dialect)).findFirst();
    }

    /** Every dialect's rules on the class path. */
    static List<DialectRules> all() {
        List<DialectRules> found = new ArrayList<>();
        ServiceLoader.load(DialectRules.class).forEach(found::add);
        return found;
    }
}
