package dev.schemagate.check;

import java.util.Optional;

/**
 * What running one script did.
 *
 * @param statements       how many statements the script holds
 * @param autocommitReason why it ran statement by statement outside a transaction, or empty
 * @param failure          the finding for the statement that failed, if one did
 */
public record ScriptOutcome(int statements, String autocommitReason, Optional<Finding> failure) {

    public boolean succeeded() {
        return failure.isEmpty();
    }
}
