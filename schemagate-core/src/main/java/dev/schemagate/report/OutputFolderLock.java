package dev.schemagate.report;

import dev.schemagate.migration.InputException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A run's hold on its report folder ({@code --out}), from its start until its reports are
 * written: two runs sharing one folder would overwrite each other's files, so the second is
 * refused while the first holds it. The hold is a lock on {@code .schemagate.lock} in the folder,
 * which the operating system releases when the process ends, however it ends.
 */
public final class OutputFolderLock implements AutoCloseable {

    static final String FILE = ".schemagate.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private OutputFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Holds {@code folder} (created when missing) or says that another run holds it. */
    static OutputFolderLock take(Path folder) {
        FileChannel channel = null;
        try {
            Files.createDirectories(folder);
            channel = FileChannel.open(folder.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new OutputFolderLock(channel, lock);
            }
        } catch (OverlappingFileLockException sameProcess) {
            // another run in this JVM holds it
        } catch (IOException e) {
            close(channel);
            throw new InputException(folder + ": cannot hold the report folder (" + e.getMessage() + "); check --out", e);
        }
        close(channel);
        throw new InputException(folder + ": another Schemagate run is writing its reports there;"
                + " give each run its own --out folder");
    }

    /** A hold on nothing, for a run that writes no report files. */
    static OutputFolderLock none() {
        return new OutputFolderLock(null, null);
    }

    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.release();
            }
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        close(channel);
    }

    private static void close(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // nothing held any more
        }
    }
}
