package dev.schemagate.engine;

import java.util.concurrent.Executor;

/**
 * Executors for work done beside a run (a read, a copy, a lint): each task on a new daemon thread
 * of its own, named for what it does, so that it never keeps the JVM alive and shows by name in a
 * thread dump.
 */
final class DaemonThreads {

    private DaemonThreads() {
    }

    static Executor named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
        };
    }
}
