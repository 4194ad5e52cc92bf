package dev.schemagate.lint;

import dev.schemagate.check.Severity;

/**
 * One lint rule's identity and defaults, so that config, ignore annotations, documentation and
 * findings all name the same thing.
 *
 * @param id       the stable id, such as {@code lint.drop-column}; its page is {@code docs/rules/<id>.md}
 * @param severity the severity a finding gets unless the config says otherwise
 * @param optIn    true when the rule only runs if the config turns it on
 * @param why      why it matters, in one sentence
 * @param hint     the safe way to do it
 */
public record Rule(String id, Severity severity, boolean optIn, String why, String hint) {
}
