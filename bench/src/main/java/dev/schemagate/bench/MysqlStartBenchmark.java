package dev.schemagate.bench;

import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.ServerOptions;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Times starting and stopping the embedded MariaDB with its data folder installed anew
 * ({@code mariadb-install-db}, as every start did before the prepared folder was cached) against
 * copying the prepared one, in alternation so that both see the same load; prints the medians and
 * their ratio. The cache is {@code SCHEMAGATE_CACHE}, which must be a folder of the benchmark's own:
 * its prepared data folders are deleted before each cold start. Usage: {@code MysqlStartBenchmark [pairs, default 5]}.
 */
public final class MysqlStartBenchmark {

    private MysqlStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String cache = System.getenv("SCHEMAGATE_CACHE");
        if (cache == null || cache.isBlank()) {
            throw new IllegalStateException("set SCHEMAGATE_CACHE to a folder of the benchmark's own: its data folders are deleted");
        }
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        start();
        List<Long> installed = new ArrayList<>();
        List<Long> copied = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            removePrepared(Path.of(cache));
            installed.add(start());
            copied.add(start());
        }
        double cold = Timings.millis(Timings.median(installed));
        double warm = Timings.millis(Timings.median(copied));
        System.out.printf("start and stop, data folder installed: median of %d %.0f ms (min %.0f, max %.0f)%n", pairs, cold,
                Timings.millis(Collections.min(installed)), Timings.millis(Collections.max(installed)));
        System.out.printf("start and stop, prepared data folder copied: median of %d %.0f ms (min %.0f, max %.0f)%n", pairs, warm,
                Timings.millis(Collections.min(copied)), Timings.millis(Collections.max(copied)));
        System.out.printf("installed / copied: %.1fx%n", cold / warm);
    }

    private static long start() {
        long start = System.nanoTime();
        try (DatabaseServer server = Dialects.byId("mysql").start(ServerOptions.embedded(""))) {
            server.createDatabase().close();
        }
        return System.nanoTime() - start;
    }

    /** Deletes the prepared data folders (named {@code <binaries>-data-<format>}) of the cache. */
    private static void removePrepared(Path cache) throws IOException {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(cache, "*-data-*")) {
            for (Path folder : folders) {
                if (Files.isDirectory(folder)) {
                    try (Stream<Path> files = Files.walk(folder)) {
                        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                            Files.delete(file);
                        }
                    }
                }
            }
        }
    }
}
