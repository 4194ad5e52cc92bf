package dev.schemagate.liquibase;

import dev.schemagate.migration.ChangelogSettings;
import dev.schemagate.migration.DialectNames;
import dev.schemagate.migration.InputException;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.migration.RunCondition;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.OfflineConnection;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ResourceAccessor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One reading of a changelog: Liquibase parses it (includes, {@code includeAll}, parameters) for
 * an offline database of the run's dialect, and every changeset that would run becomes a
 * {@link Migration} (see {@link ChangesetMigrations}). The changelog's own preconditions that ask
 * the database guard its first migration (see {@link ChangelogPreconditions}).
 */
final class ChangelogRun {

    /** Liquibase's short database names, matched against the dialect's names. */
    private static final List<String> LIQUIBASE_DATABASES = List.of("postgresql", "sqlite", "mysql", "mariadb", "h2");

    private final ChangelogSettings settings;
    private final DialectNames dialect;
    private final SearchRoots roots;

    ChangelogRun(Path changelog, ChangelogSettings settings, DialectNames dialect) {
        this.settings = settings;
        this.dialect = dialect;
        this.roots = SearchRoots.of(changelog);
    }

    MigrationSet migrations() {
        ResourceAccessor accessor = roots.accessor();
        try {
            return LiquibaseScope.call(Map.of(Scope.Attr.resourceAccessor.name(), accessor), () -> read(accessor));
        } catch (InputException e) {
            throw e;
        } catch (Exception e) {
            throw new InputException(roots.changelog() + ": Liquibase cannot read this changelog (" + reason(e)
                    + "); fix it as the message says", e);
        }
    }

    private MigrationSet read(ResourceAccessor accessor) throws LiquibaseException {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(
                new OfflineConnection("offline:" + liquibaseName(), accessor));
        Contexts contexts = new Contexts(settings.contexts());
        LabelExpression labels = new LabelExpression(settings.labels());
        ChangeLogParameters parameters = new ChangeLogParameters(database);
        settings.parameters().forEach(parameters::set);
        parameters.setContexts(contexts);
        parameters.setLabels(labels);
        String path = roots.changelogPath();
        DatabaseChangeLog changeLog = ChangeLogParserFactory.getInstance().getParser(path, accessor)
                .parse(path, parameters, accessor);
        ChangesetSelection selection = new ChangesetSelection(database, contexts, labels);
        ChangesetSelection.Verdict whole = selection.preconditions(changeLog, null, changeLog.getPreconditions());
        List<Path> files = Stream.concat(Stream.of(roots.changelog()),
                changeLog.getChangeSets().stream().map(changeSet -> roots.file(changeSet.getFilePath()))).distinct().toList();
        if (whole == ChangesetSelection.Verdict.HALTS) {
            throw new InputException(ChangelogPreconditions.written(files) + ": the changelog's preconditions fail on "
                    + database.getShortName() + " and stop Liquibase (onFail HALT); fix them or set onFail=\"WARN\"");
        }
        ChangesetMigrations migrations = new ChangesetMigrations(roots, new ChangesetSql(database));
        List<Migration> result = new ArrayList<>();
        Map<Migration, ChangeSet> changesets = new HashMap<>();
        for (ChangeSet changeSet : changeLog.getChangeSets()) {
            ChangesetSelection.Verdict verdict = selection.judge(changeLog, changeSet);
            switch (verdict) {
                case RUNS, ASKS_DATABASE -> {
                    Optional<RunCondition> condition = verdict == ChangesetSelection.Verdict.RUNS ? Optional.empty()
                            : Optional.of(new ChangesetPreconditions(changeLog, changeSet, changesets));
                    if (result.isEmpty() && whole == ChangesetSelection.Verdict.ASKS_DATABASE) {
                        condition = Optional.of(new ChangelogPreconditions(changeLog, ChangelogPreconditions.written(files),
                                condition));
                    }
                    changesets.put(add(result, migrations.migration(changeSet, condition)), changeSet);
                }
                case HALTS -> throw new InputException(migrations.where(changeSet) + ": changeset " + changeSet.getAuthor() + ":"
                        + changeSet.getId() + ": its preconditions fail on " + database.getShortName()
                        + " and stop Liquibase (onFail HALT); fix them, or set onFail=\"MARK_RAN\" to skip the changeset");
                case SKIPPED -> {
                }
            }
        }
        if (result.isEmpty()) {
            throw new InputException(roots.changelog() + ": no changeset runs on " + database.getShortName()
                    + (settings.contexts().isEmpty() && settings.labels().isEmpty() ? ""
                    : " with contexts '" + settings.contexts() + "' and labels '" + settings.labels() + "'")
                    + "; check the changelog's includes, contexts, labels and dbms attributes");
        }
        return new MigrationSet(roots.folder(), Layout.LIQUIBASE_CHANGELOG, result);
    }

    private static Migration add(List<Migration> migrations, Migration migration) {
        migrations.add(migration);
        return migration;
    }

    private String liquibaseName() {
        return LIQUIBASE_DATABASES.stream().filter(dialect::isOwn).findFirst()
                .orElseThrow(() -> new InputException(roots.changelog() + ": Schemagate cannot run Liquibase changelogs on "
                        + dialect.id() + "; verify them on PostgreSQL"));
    }

    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = e.getMessage() == null ? cause.toString() : e.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
