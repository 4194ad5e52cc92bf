package dev.schemagate.fake;

import dev.schemagate.dialect.ScratchDatabase;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One fake database: its committed tables, in creation order, each with its columns. */
final class FakeDatabase implements ScratchDatabase {

    private final FakeServer server;
    private final String name;
    private Map<String, List<String>> tables;
    private boolean dropped;

    FakeDatabase(FakeServer server, String name, Map<String, List<String>> tables) {
        this.server = server;
        this.name = name;
        this.tables = tables;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:fake:" + name;
    }

    @Override
    public String username() {
        return "fake";
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public Connection connect() {
        return (Connection) Proxy.newProxyInstance(FakeDatabase.class.getClassLoader(), new Class<?>[]{Connection.class},
                new FakeSession(this, server.transactionalDdl()));
    }

    synchronized Map<String, List<String>> tablesCopy() {
        return copy(tables);
    }

    synchronized void commit(Map<String, List<String>> newTables) {
        tables = copy(newTables);
    }

    /** The committed tables themselves, for a session whose statements commit at once. */
    synchronized Map<String, List<String>> live() {
        return tables;
    }

    void ran(String sql) {
        server.ran(name, sql);
    }

    boolean dropped() {
        return dropped;
    }

    static Map<String, List<String>> copy(Map<String, List<String>> tables) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        tables.forEach((table, columns) -> copy.put(table, new ArrayList<>(columns)));
        return copy;
    }

    @Override
    public void close() {
        dropped = true;
    }
}
