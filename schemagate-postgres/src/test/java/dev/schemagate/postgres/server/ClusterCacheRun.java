package dev.schemagate.postgres.server;

import dev.schemagate.dialect.ScratchDatabase;

import java.nio.file.Path;

/**
 * One run in a process of its own, as concurrent first runs are: starts a server from the prepared
 * clusters in the folder given and prints its version. Usage: {@code ClusterCacheRun CLUSTERS MAJOR}.
 */
public final class ClusterCacheRun {

    private ClusterCacheRun() {
    }

    public static void main(String[] args) throws Exception {
        ClusterCache cache = ClusterCacheTest.cacheIn(Path.of(args[0]), args[1]);
        try (EmbeddedPostgresServer server = ClusterCacheTest.start(cache); ScratchDatabase db = server.createDatabase()) {
            System.out.println("server_version " + EmbeddedPostgresServerTest.query(db, "SHOW server_version"));
        }
    }
}
