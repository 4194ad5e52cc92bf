package dev.schemagate.liquibase;

import dev.schemagate.migration.RunCondition;
import liquibase.exception.PreconditionErrorException;
import liquibase.exception.PreconditionFailedException;
import liquibase.precondition.ErrorPrecondition;
import liquibase.precondition.FailedPrecondition;
import liquibase.precondition.core.PreconditionContainer;

import java.util.stream.Collectors;

/**
 * What Liquibase does with a changeset whose preconditions fail or cannot be checked, as its
 * {@code ChangeSet.execute} does: {@code onFail} (for a failure) or {@code onError} (for an error)
 * {@code HALT} stops the update, {@code CONTINUE} and {@code MARK_RAN} skip the changeset,
 * {@code WARN} runs it; the message is the changeset's {@code onFailMessage}/{@code onErrorMessage}
 * when it has one, else what each failing precondition says.
 */
final class PreconditionOutcome {

    private PreconditionOutcome() {
    }

    static RunCondition.Decision failed(PreconditionContainer preconditions, PreconditionFailedException e) {
        String message = preconditions.getOnFailMessage() != null ? preconditions.getOnFailMessage()
                : e.getFailedPreconditions().isEmpty() ? firstLine(e.getMessage())
                : e.getFailedPreconditions().stream().map(FailedPrecondition::getMessage).map(PreconditionOutcome::firstLine)
                .collect(Collectors.joining("; "));
        return new RunCondition.Decision(verdict(preconditions.getOnFail().name()), message,
                "onFail=\"" + preconditions.getOnFail() + "\"");
    }

    static RunCondition.Decision errored(PreconditionContainer preconditions, PreconditionErrorException e) {
        String message = preconditions.getOnErrorMessage() != null ? preconditions.getOnErrorMessage()
                : e.getErrorPreconditions().isEmpty() ? firstLine(e.getMessage())
                : e.getErrorPreconditions().stream().map(ErrorPrecondition::getCause).map(PreconditionOutcome::cause)
                .collect(Collectors.joining("; "));
        return new RunCondition.Decision(verdict(preconditions.getOnError().name()), "cannot be checked: " + message,
                "onError=\"" + preconditions.getOnError() + "\"");
    }

    private static RunCondition.Verdict verdict(String option) {
        return switch (option) {
            case "CONTINUE", "MARK_RAN" -> RunCondition.Verdict.SKIP;
            case "WARN" -> RunCondition.Verdict.WARN;
            default -> RunCondition.Verdict.HALT;
        };
    }

    private static String cause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return firstLine(cause.getMessage() == null ? cause.toString() : cause.getMessage());
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.strip().lines().findFirst().orElse("").strip();
    }
}
