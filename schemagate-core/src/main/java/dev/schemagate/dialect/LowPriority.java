package dev.schemagate.dialect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Lowers the scheduling priority of work done beside a run's main line (the lint beside the walk), so
 * that on a machine with few processors it takes what the main line leaves instead of slowing it: the
 * run ends when the main line does. Linux keeps a priority per thread, which {@code renice} sets; where
 * there is no {@code /proc/thread-self} or no {@code renice}, or it refuses, the work runs as before.
 */
public final class LowPriority {

    /** The niceness given: low enough for the main line to come first, not so low that the work starves. */
    private static final String NICENESS = "10";

    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private LowPriority() {
    }

    /** Lowers the priority of the calling thread. */
    public static void ofThisThread() {
        try {
            ofProcess(Long.parseLong(Files.readSymbolicLink(THREAD_SELF).getFileName().toString()));
        } catch (IOException | UnsupportedOperationException | NumberFormatException notLinux) {
            // no per-thread priority to lower here
        }
    }

    /** Lowers the priority of the process (or Linux thread) {@code id}, one this run started or is. */
    public static void ofProcess(long id) {
        try {
            Process renice = new ProcessBuilder("renice", "-n", NICENESS, "-p", String.valueOf(id))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(5, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
            }
        } catch (IOException noRenice) {
            // the work runs at the priority it has
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
