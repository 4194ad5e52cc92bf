package dev.schemagate.check;

import java.util.Optional;

/**
 * What running one script did.
 *
 * @param statements       how many statements the script holds
 * @param autocommitReason why it ran statement by statement outside a transaction, or empty
 * @param failure          the finding for the statement that failed, if one did
 * @param refusal          the finding for a statement that cannot run inside the transaction the
 *                         script's tool opens (it will fail in production), if there is one; the
 *                         script was then run outside a transaction, so that checking goes on
 */
public record ScriptOutcome(int statements, String autocommitReason, Optional<Finding> failure, Optional<Finding> refusal) {

    public ScriptOutcome(int statements, String autocommitReason, Optional<Finding> failure) {
        this(statements, autocommitReason, failure, Optional.empty());
    }

    public boolean succeeded() {
        return failure.isEmpty();
    }
}
