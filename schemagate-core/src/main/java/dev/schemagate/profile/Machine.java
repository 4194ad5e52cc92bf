package dev.schemagate.profile;

import java.lang.management.ManagementFactory;

/**
 * The machine a profile was taken on, kept with a baseline: times taken on another machine are
 * compared all the same, but the report says the machines differ.
 */
public record Machine(String os, String arch, int cpus, long memoryMb, String java, String database) {

    public static Machine current(String database) {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() / (1024 * 1024) : -1;
        return new Machine(System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), memory, System.getProperty("java.version"), database);
    }

    /** What differs from {@code other}, for people; empty when nothing does. */
    public String differences(Machine other) {
        StringBuilder text = new StringBuilder();
        if (!os.equals(other.os) || !arch.equals(other.arch)) {
            text.append("; system ").append(other.os).append(" ").append(other.arch).append(" → ").append(os).append(" ").append(arch);
        }
        if (cpus != other.cpus) {
            text.append("; ").append(other.cpus).append(" → ").append(cpus).append(" processors");
        }
        if (Math.abs(memoryMb - other.memoryMb) > 256) {
            text.append("; ").append(other.memoryMb).append(" → ").append(memoryMb).append(" MB of memory");
        }
        if (!database.equals(other.database)) {
            text.append("; ").append(other.database).append(" → ").append(database);
        }
        return text.isEmpty() ? "" : text.substring(2);
    }
}
