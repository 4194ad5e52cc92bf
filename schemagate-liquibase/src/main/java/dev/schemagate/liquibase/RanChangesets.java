package dev.schemagate.liquibase;

import liquibase.Scope;
import liquibase.changelog.AbstractChangeLogHistoryService;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;

import java.util.List;

/**
 * Liquibase's change history as a Schemagate run knows it: the changesets applied so far on the
 * scratch database, which keeps no {@code DATABASECHANGELOG} table. Liquibase finds it as a plugin
 * (a {@code ChangeLogHistoryService}) and uses it only inside a scope that carries the list
 * ({@link #SCOPE_KEY}), so that {@code changeSetExecuted} preconditions see what ran before them.
 */
public final class RanChangesets extends AbstractChangeLogHistoryService {

    /** The scope attribute holding the {@code List<RanChangeSet>} applied so far. */
    static final String SCOPE_KEY = "dev.schemagate.ranChangesets";

    @Override
    public int getPriority() {
        return PRIORITY_SPECIALIZED;
    }

    @Override
    public boolean supports(Database database) {
        return Scope.getCurrentScope().get(SCOPE_KEY, List.class) != null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<RanChangeSet> getRanChangeSets() {
        return List.copyOf(Scope.getCurrentScope().get(SCOPE_KEY, List.class));
    }

    @Override
    public void init() {
        // the history lives in the run, not in a table
    }

    @Override
    public void setExecType(ChangeSet changeSet, ChangeSet.ExecType execType) {
        throw readOnly();
    }

    @Override
    public void removeFromHistory(ChangeSet changeSet) {
        throw readOnly();
    }

    @Override
    public int getNextSequenceValue() {
        throw readOnly();
    }

    @Override
    public void tag(String tagString) {
        throw readOnly();
    }

    @Override
    public boolean tagExists(String tag) {
        return false;
    }

    @Override
    public void clearAllCheckSums() {
        throw readOnly();
    }

    @Override
    public void destroy() {
        throw readOnly();
    }

    @Override
    public boolean isDatabaseChecksumsCompatible() {
        return true;
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("Schemagate's view of the Liquibase history is read-only");
    }
}
