package dev.schemagate.dialect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a Linux process's or thread's niceness, for tests of {@link LowPriority}. */
public final class Niceness {

    private Niceness() {
    }

    /** Whether this machine keeps a niceness per thread that {@code renice} can lower. */
    public static boolean lowerable() {
        return Files.exists(Path.of("/proc/thread-self/stat")) && Files.isExecutable(Path.of("/usr/bin/renice"));
    }

    /** The niceness of process or thread {@code id}. */
    public static int of(long id) throws IOException {
        return of(Path.of("/proc/" + id + "/stat"));
    }

    /** The niceness of the calling thread. */
    public static int ofThisThread() throws IOException {
        return of(Path.of("/proc/thread-self/stat"));
    }

    /** The niceness in a {@code stat} file: its 19th field, the 17th after the command name's closing parenthesis. */
    private static int of(Path stat) throws IOException {
        String line = Files.readString(stat);
        String[] after = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(after[16]);
    }
}
