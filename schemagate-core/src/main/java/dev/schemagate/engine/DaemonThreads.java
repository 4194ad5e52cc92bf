package dev.schemagate.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Work done beside a run (a read, a copy, a lint): each task on a new daemon thread of its own, named
 * for what it does, so that it never keeps the JVM alive and shows by name in a thread dump; and its
 * outcome waited for, its failure thrown as it was thrown there.
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

    /** The outcome of {@code work}, once done; a runtime exception it ended with is thrown as it was. */
    static <T> T joined(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
