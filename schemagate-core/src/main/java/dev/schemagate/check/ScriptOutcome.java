package dev.schemagate.check;

import dev.schemagate.data.FailedStatement;

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
 * @param cause            the statement that failed and the server's words, when a statement did,
 *                         so that a caller can tell whether the rows in the tables were the cause
 */
public record ScriptOutcome(int statements, String autocommitReason, Optional<Finding> failure, Optional<Finding> refusal,
                            Optional<FailedStatement> cause) {

    public ScriptOutcome(int statements, String autocommitReason, Optional<Finding> failure) {
        this(statements, autocommitReason, failure, Optional.empty());
    }

    public ScriptOutcome(int statements, String autocommitReason, Optional<Finding> failure, Optional<Finding> refusal) {
        this(statements, autocommitReason, failure, refusal, Optional.empty());
    }

    public boolean succeeded() {
        return failure.isEmpty();
    }
}
