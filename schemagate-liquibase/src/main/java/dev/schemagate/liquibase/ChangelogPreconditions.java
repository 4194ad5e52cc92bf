package dev.schemagate.liquibase;

import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.migration.InputException;
import dev.schemagate.migration.Location;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.RunCondition;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.PreconditionErrorException;
import liquibase.exception.PreconditionFailedException;
import liquibase.precondition.core.PreconditionContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A changelog's own preconditions (on {@code databaseChangeLog}, its includes' merged in) that ask
 * the database, checked by Liquibase's own classes before the changelog's first changeset, as
 * Liquibase checks them before an update runs any: {@code onFail}/{@code onError} {@code WARN}
 * warns and goes on, anything else stops the run ({@code MARK_RAN} and {@code CONTINUE} cannot skip
 * a changelog). The first changeset's own condition, if any, is then asked.
 */
final class ChangelogPreconditions implements RunCondition {

    private static final Pattern XML = Pattern.compile("<(?:\\w+:)?preConditions\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern YAML_OR_JSON = Pattern.compile("[\"']?preConditions[\"']?\\s*:", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_CHANGESET = Pattern.compile("<(?:\\w+:)?changeSet\\b");
    private static final Pattern YAML_OR_JSON_CHANGESET = Pattern.compile("[\"']?changeSet[\"']?\\s*:");

    private final DatabaseChangeLog changeLog;
    private final Location where;
    private final Optional<RunCondition> first;

    /**
     * @param where the changelog's preconditions element
     * @param first the first changeset's own condition
     */
    ChangelogPreconditions(DatabaseChangeLog changeLog, Location where, Optional<RunCondition> first) {
        this.changeLog = changeLog;
        this.where = where;
        this.first = first;
    }

    /**
     * Where the changelog's own preconditions element is: the first of {@code files} (the master
     * changelog, then the files its changesets come from) with one before its first changeset;
     * line 1 of the first file when none has.
     */
    static Location written(List<Path> files) {
        for (Path file : files) {
            String text = text(file);
            boolean xml = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml");
            Matcher found = (xml ? XML : YAML_OR_JSON).matcher(text);
            Matcher changeSet = (xml ? XML_CHANGESET : YAML_OR_JSON_CHANGESET).matcher(text);
            if (found.find() && (!changeSet.find() || found.start() < changeSet.start())) {
                return new Location(file, (int) text.substring(0, found.start()).chars().filter(c -> c == '\n').count() + 1, 0);
            }
        }
        return new Location(files.get(0), 1, 0);
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read (" + e.getMessage() + "); check that it may be read", e);
        }
    }

    @Override
    public Decision decide(Connection connection, List<Migration> applied) {
        Decision own = check(connection).ofWhole(where);
        if (own.verdict() == Verdict.HALT || first.isEmpty()) {
            return own.verdict() == Verdict.RUN ? Decision.RUNS : own;
        }
        Decision next = first.get().decide(connection, applied);
        return next.verdict() == Verdict.RUN && own.verdict() == Verdict.WARN ? own : next;
    }

    private Decision check(Connection connection) {
        try {
            boolean autoCommit = connection.getAutoCommit();
            try {
                return LiquibaseScope.call(Map.of(), () -> checked(connection));
            } finally {
                if (connection.getAutoCommit() != autoCommit) {
                    connection.rollback();
                    connection.setAutoCommit(autoCommit);
                }
            }
        } catch (SQLException e) {
            throw new InfrastructureException("lost the connection to the database: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new InfrastructureException("Liquibase could not check the changelog's preconditions (" + e.getMessage() + ")", e);
        }
    }

    private Decision checked(Connection connection) throws Exception {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        PreconditionContainer preconditions = changeLog.getPreconditions();
        Warned warned = new Warned(preconditions);
        try {
            preconditions.check(database, changeLog, null, warned);
        } catch (PreconditionFailedException e) {
            return new Decision(Verdict.HALT, PreconditionOutcome.failed(preconditions, e).message(), handling(preconditions, true));
        } catch (PreconditionErrorException e) {
            return new Decision(Verdict.HALT, PreconditionOutcome.errored(preconditions, e).message(), handling(preconditions, false));
        }
        return warned.decision;
    }

    /** The onFail (or onError) of the changelog's preconditions blocks, as written. */
    private static String handling(PreconditionContainer preconditions, boolean failed) {
        String options = preconditions.getNestedPreconditions().stream().filter(PreconditionContainer.class::isInstance)
                .map(PreconditionContainer.class::cast)
                .map(block -> failed ? block.getOnFail().name() : block.getOnError().name())
                .filter(option -> !option.equals("WARN")).distinct().collect(Collectors.joining(", "));
        return (failed ? "onFail" : "onError") + "=\"" + (options.isEmpty() ? "HALT" : options) + "\"";
    }

    /** Hears Liquibase's {@code WARN} of a changelog's preconditions block: the run goes on. */
    private static final class Warned extends AbstractChangeExecListener {

        private final PreconditionContainer preconditions;
        private Decision decision = Decision.RUNS;

        Warned(PreconditionContainer preconditions) {
            this.preconditions = preconditions;
        }

        /** The onFailMessage (or onErrorMessage) of a block that warns, which Liquibase's warning says when given. */
        private Optional<String> warnMessage(boolean failed) {
            return preconditions.getNestedPreconditions().stream().filter(PreconditionContainer.class::isInstance)
                    .map(PreconditionContainer.class::cast)
                    .filter(block -> (failed ? block.getOnFail().name() : block.getOnError().name()).equals("WARN"))
                    .map(block -> failed ? block.getOnFailMessage() : block.getOnErrorMessage())
                    .filter(message -> message != null && !message.isBlank()).findFirst();
        }

        @Override
        public void preconditionFailed(PreconditionFailedException error, PreconditionContainer.FailOption onFail) {
            decision = new Decision(Verdict.WARN, warnMessage(true).orElse(PreconditionOutcome.failed(preconditions, error).message()),
                    "onFail=\"WARN\"");
        }

        @Override
        public void preconditionErrored(PreconditionErrorException error, PreconditionContainer.ErrorOption onError) {
            decision = new Decision(Verdict.WARN, warnMessage(false).map(message -> "cannot be checked: " + message)
                    .orElse(PreconditionOutcome.errored(preconditions, error).message()), "onError=\"WARN\"");
        }
    }
}
