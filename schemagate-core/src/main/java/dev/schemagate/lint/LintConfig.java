package dev.schemagate.lint;

import dev.schemagate.check.Severity;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a team says about linting: which rules run (opt-in rules turned on, others turned off),
 * at what severity, the failing severity, and its file naming convention. Read from
 * {@code schemagate.yml} by {@link LintConfigFile}; the defaults run every rule that is not opt-in.
 *
 * @param failOn     the lowest severity that fails the run
 * @param severities severities set per rule id; a rule listed here runs even if it is opt-in
 * @param disabled   rule ids turned off
 * @param namePattern the regex a migration file's name (before its first dot) must match, if any
 */
public record LintConfig(Severity failOn, Map<String, Severity> severities, Set<String> disabled,
                         Optional<Pattern> namePattern) {

    public LintConfig {
        severities = Map.copyOf(severities);
        disabled = Set.copyOf(disabled);
    }

    public static LintConfig defaults() {
        return new LintConfig(Severity.ERROR, Map.of(), Set.of(), Optional.empty());
    }

    /** True when the rule runs under this config. */
    public boolean enabled(Rule rule) {
        if (disabled.contains(rule.id())) {
            return false;
        }
        return !rule.optIn() || severities.containsKey(rule.id());
    }

    /** The severity findings of this rule get. */
    public Severity severity(Rule rule) {
        return severities.getOrDefault(rule.id(), rule.severity());
    }

    /** The same config with these rules turned on at their default severity (the opt-in ones too). */
    public LintConfig enabling(Rule... rules) {
        Map<String, Severity> more = new java.util.HashMap<>(severities);
        for (Rule rule : rules) {
            more.putIfAbsent(rule.id(), rule.severity());
        }
        return new LintConfig(failOn, more, disabled, namePattern);
    }

    public LintConfig withFailOn(Severity severity) {
        return new LintConfig(severity, severities, disabled, namePattern);
    }
}
