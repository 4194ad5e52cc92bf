package dev.schemagate.postgres.server;

import dev.schemagate.dialect.InfrastructureException;

import java.util.Locale;

/** Names this machine's operating system and processor as the zonky binaries artifacts do. */
final class Platform {

    private Platform() {
    }

    /** The archive's platform name, such as {@code linux-x86_64}. */
    static String current() {
        return os() + "-" + (arm() ? "arm_64" : "x86_64");
    }

    /** The artifact's suffix, such as {@code linux-amd64}. */
    static String artifactSuffix() {
        return os() + "-" + (arm() ? "arm64v8" : "amd64");
    }

    private static String os() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (name.contains("linux")) {
            return "linux";
        }
        if (name.contains("mac")) {
            return "darwin";
        }
        throw new InfrastructureException("embedded PostgreSQL does not run on " + name + ": use --db-url to name a server");
    }

    private static boolean arm() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return arch.equals("aarch64") || arch.equals("arm64");
    }
}
