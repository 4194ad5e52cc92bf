package dev.schemagate.fake;

import dev.schemagate.model.Column;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One connection to a fake database: what a {@link Connection} of the engine needs (autocommit,
 * commit, rollback, close), over a copy of the tables while a transaction is open. Where DDL is
 * not transactional, statements change the committed tables at once and a rollback undoes nothing.
 */
final class FakeSession implements InvocationHandler {

    private static final Pattern CREATE = Pattern.compile("(?i)create table (\\w+)(?:\\s*\\(([^)]*)\\))?");
    private static final Pattern DROP = Pattern.compile("(?i)drop table (\\w+)");
    private static final Pattern ADD_COLUMN = Pattern.compile("(?i)add column (\\w+)\\.(\\w+)");
    private static final Pattern DROP_COLUMN = Pattern.compile("(?i)drop column (\\w+)\\.(\\w+)");

    private final FakeDatabase database;
    private final boolean transactionalDdl;
    private boolean autoCommit = true;
    private boolean closed;
    private Map<String, List<String>> pending;

    FakeSession(FakeDatabase database, boolean transactionalDdl) {
        this.database = database;
        this.transactionalDdl = transactionalDdl;
    }

    static FakeSession of(Connection connection) {
        return (FakeSession) Proxy.getInvocationHandler(connection);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "setAutoCommit" -> {
                boolean on = (Boolean) args[0];
                if (on && !autoCommit) {
                    commit();
                }
                autoCommit = on;
                yield null;
            }
            case "getAutoCommit" -> autoCommit;
            case "commit" -> {
                commit();
                yield null;
            }
            case "rollback" -> {
                pending = null;
                yield null;
            }
            case "close" -> {
                closed = true;
                yield null;
            }
            case "isClosed" -> closed;
            case "isValid" -> !closed;
            case "toString" -> "fake connection to " + database.name();
            case "hashCode" -> System.identityHashCode(this);
            case "equals" -> proxy == args[0];
            default -> throw new UnsupportedOperationException("a fake connection cannot " + method.getName());
        };
    }

    private void commit() {
        if (pending != null) {
            database.commit(pending);
            pending = null;
        }
    }

    /** The tables statements see and change: the open transaction's copy, or the committed ones. */
    private Map<String, List<String>> tables() {
        if (autoCommit || !transactionalDdl) {
            return database.live();
        }
        if (pending == null) {
            pending = database.tablesCopy();
        }
        return pending;
    }

    void execute(String sql) throws SQLException {
        Map<String, List<String>> tables = tables();
        Matcher m;
        if ((m = CREATE.matcher(sql)).matches()) {
            require(!tables.containsKey(m.group(1)), "table " + m.group(1) + " already exists", sql, m.start(1));
            List<String> columns = m.group(2) == null || m.group(2).isBlank() ? List.of()
                    : Arrays.stream(m.group(2).split(",")).map(String::strip).toList();
            tables.put(m.group(1), new ArrayList<>(columns));
        } else if ((m = DROP.matcher(sql)).matches()) {
            require(tables.remove(m.group(1)) != null, "no table " + m.group(1), sql, m.start(1));
        } else if ((m = ADD_COLUMN.matcher(sql)).matches()) {
            List<String> columns = tables.get(m.group(1));
            require(columns != null, "no table " + m.group(1), sql, m.start(1));
            require(!columns.contains(m.group(2)), "column " + m.group(2) + " already exists", sql, m.start(2));
            columns.add(m.group(2));
        } else if ((m = DROP_COLUMN.matcher(sql)).matches()) {
            List<String> columns = tables.get(m.group(1));
            require(columns != null, "no table " + m.group(1), sql, m.start(1));
            require(columns.remove(m.group(2)), "no column " + m.group(2), sql, m.start(2));
        } else if (!sql.toLowerCase(Locale.ROOT).equals("vacuum")) {
            throw new SQLException("syntax error at \"" + sql.split("\\s+")[0] + "\"", "42601", 1);
        } else if (!autoCommit) {
            throw new SQLException("vacuum cannot run inside a transaction", "25001", 1);
        }
        database.ran(sql);
    }

    private static void require(boolean holds, String message, String sql, int at) throws SQLException {
        if (!holds) {
            throw new SQLException(message, "42000", at + 1);
        }
    }

    Snapshot snapshot() {
        List<Table> tables = new ArrayList<>();
        tables().forEach((name, columns) -> tables.add(new Table("main", name,
                columns.stream().map(c -> Column.of(c, "text", false)).toList(), List.of(), List.of(), List.of(),
                null, null, null)));
        return new Snapshot(null, null, tables, null, null, null, null, null);
    }
}
