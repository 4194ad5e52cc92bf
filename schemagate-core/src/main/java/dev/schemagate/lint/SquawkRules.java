package dev.schemagate.lint;

import java.util.List;
import java.util.Map;

import static java.util.Map.entry;

/**
 * Squawk's rule names and the rules of ours that judge the same thing, so that a project's
 * {@code -- squawk-ignore <rule>} comments silence the same findings here. Squawk rules without a
 * counterpart (such as {@code ban-char-field}) silence nothing. The table is documented in
 * {@code docs/squawk-comparison.md}.
 */
final class SquawkRules {

    private static final Map<String, List<Rule>> OURS = Map.ofEntries(
            entry("adding-field-with-default", List.of(Rules.VOLATILE_DEFAULT, Rules.TABLE_REWRITE)),
            entry("adding-foreign-key-constraint", List.of(Rules.FOREIGN_KEY_VALIDATED)),
            entry("adding-not-nullable-field", List.of(Rules.SET_NOT_NULL)),
            entry("adding-not-null-field", List.of(Rules.SET_NOT_NULL)),
            entry("adding-required-field", List.of(Rules.ADD_REQUIRED_COLUMN)),
            entry("adding-primary-key-constraint", List.of(Rules.UNIQUE_IN_PLACE)),
            entry("adding-serial-primary-key-field", List.of(Rules.UNIQUE_IN_PLACE)),
            entry("disallowed-unique-constraint", List.of(Rules.UNIQUE_IN_PLACE)),
            entry("ban-concurrent-index-creation-in-transaction", List.of(Rules.CONCURRENTLY_IN_TRANSACTION)),
            entry("ban-drop-column", List.of(Rules.DROP_COLUMN)),
            entry("ban-drop-table", List.of(Rules.DROP_TABLE)),
            entry("ban-drop-schema", List.of(Rules.DROP_SCHEMA)),
            entry("ban-truncate-cascade", List.of(Rules.TRUNCATE)),
            entry("changing-column-type", List.of(Rules.CHANGE_TYPE, Rules.LOSSY_TYPE_CHANGE, Rules.TABLE_REWRITE)),
            entry("constraint-missing-not-valid", List.of(Rules.CHECK_VALIDATED, Rules.FOREIGN_KEY_VALIDATED)),
            entry("prefer-big-int", List.of(Rules.PREFER_BIGINT)),
            entry("prefer-bigint-over-int", List.of(Rules.PREFER_BIGINT)),
            entry("prefer-bigint-over-smallint", List.of(Rules.PREFER_BIGINT)),
            entry("prefer-identity", List.of(Rules.PREFER_IDENTITY)),
            entry("prefer-robust-stmts", List.of(Rules.DROP_IF_EXISTS, Rules.CREATE_IF_NOT_EXISTS)),
            entry("prefer-text-field", List.of(Rules.PREFER_TEXT)),
            entry("prefer-timestamptz", List.of(Rules.PREFER_TIMESTAMPTZ)),
            entry("prefer-timestamp-tz", List.of(Rules.PREFER_TIMESTAMPTZ)),
            entry("renaming-column", List.of(Rules.RENAME_COLUMN)),
            entry("renaming-table", List.of(Rules.RENAME_TABLE)),
            entry("require-concurrent-index-creation", List.of(Rules.ADD_INDEX)),
            entry("require-concurrent-index-deletion", List.of(Rules.DROP_INDEX)),
            entry("require-timeout-settings", List.of(Rules.LOCK_TIMEOUT)),
            entry("require-lock-timeout", List.of(Rules.LOCK_TIMEOUT)),
            entry("transaction-nesting", List.of(Rules.TRANSACTION_CONTROL)));

    private SquawkRules() {
    }

    /** Our rule ids for a squawk rule name, none when we have no counterpart. */
    static List<String> ours(String squawkRule) {
        return OURS.getOrDefault(squawkRule, List.of()).stream().map(Rule::id).toList();
    }

    /** The whole table, for its documentation. */
    static Map<String, List<Rule>> table() {
        return OURS;
    }
}
