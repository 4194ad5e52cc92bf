package dev.schemagate.fake;

import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.ScratchDatabase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fake dialect's server: makes databases in memory, copies them, and remembers what a test
 * wants to know afterwards: every statement that ran, on which database, and how many copies were made.
 */
public final class FakeServer implements DatabaseServer {

    private final boolean transactionalDdl;
    private final AtomicInteger made = new AtomicInteger();
    private final List<String> log = new ArrayList<>();
    private final List<FakeDatabase> databases = new ArrayList<>();
    private int clones;
    private boolean closed;

    FakeServer(boolean transactionalDdl) {
        this.transactionalDdl = transactionalDdl;
    }

    @Override
    public String description() {
        return "fake database in memory";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public synchronized ScratchDatabase createDatabase() {
        return add(new FakeDatabase(this, "fake_" + made.incrementAndGet(), new LinkedHashMap<>()));
    }

    @Override
    public synchronized ScratchDatabase cloneDatabase(ScratchDatabase template) {
        clones++;
        return add(new FakeDatabase(this, "fake_" + made.incrementAndGet(), ((FakeDatabase) template).tablesCopy()));
    }

    private FakeDatabase add(FakeDatabase database) {
        databases.add(database);
        return database;
    }

    boolean transactionalDdl() {
        return transactionalDdl;
    }

    synchronized void ran(String database, String sql) {
        log.add(database + ": " + sql);
    }

    /** Every statement that ran without error, as {@code fake_1: create table a}, in order. */
    public synchronized List<String> log() {
        return List.copyOf(log);
    }

    /** How many databases were made as copies of another. */
    public synchronized int clones() {
        return clones;
    }

    /** The tables (and their columns) of the databases not dropped, by database name. */
    public synchronized Map<String, Map<String, List<String>>> liveDatabases() {
        Map<String, Map<String, List<String>>> live = new LinkedHashMap<>();
        databases.stream().filter(d -> !d.dropped()).forEach(d -> live.put(d.name(), d.tablesCopy()));
        return live;
    }

    public synchronized boolean closed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        databases.forEach(FakeDatabase::close);
        closed = true;
    }
}
