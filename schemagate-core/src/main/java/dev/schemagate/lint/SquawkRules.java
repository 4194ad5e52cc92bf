package dev.schemagate.lint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Squawk's rule names and the rules of ours that judge the same thing, so that a project's
 * {@code -- squawk-ignore <rule>} comments silence the same findings here. Each dialect's rules
 * name their squawk counterparts ({@link DialectRules#squawk()}); squawk rules without one (such as
 * {@code ban-char-field}) silence nothing. The table is documented in {@code docs/squawk-comparison.md}.
 */
final class SquawkRules {

    private SquawkRules() {
    }

    /** Our rule ids for a squawk rule name, none when we have no counterpart. */
    static List<String> ours(String squawkRule) {
        return table().getOrDefault(squawkRule, List.of());
    }

    /** The whole table, from every dialect's rules on the class path. */
    static Map<String, List<String>> table() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        DialectRules.all().forEach(rules -> rules.squawk().forEach((name, ids) ->
                all.merge(name, ids, (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList())));
        return all;
    }
}
