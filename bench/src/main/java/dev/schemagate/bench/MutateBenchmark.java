package dev.schemagate.bench;

import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.mutation.MutationOptions;
import dev.schemagate.mutation.MutationResult;
import dev.schemagate.mutation.MutationRun;
import dev.schemagate.mutation.Score;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Mutation testing throughput: runs a sample of the mutants of one migrations folder (by default
 * hydra's PostgreSQL history) on one embedded server, and prints mutants per minute with one job and
 * with two, and the kill rate the sample gave.
 *
 * <p>Usage: {@code MutateBenchmark DIR [MUTANTS]} (default 24 mutants, drawn with seed 1).
 */
public final class MutateBenchmark {

    private MutateBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: MutateBenchmark DIR [MUTANTS]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int mutants = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        Dialect dialect = Dialects.byId("postgres");
        try (DatabaseServer server = dialect.start(ServerOptions.embedded(ServerOptions.DEFAULT_VERSION))) {
            for (int jobs : new int[] {1, 2}) {
                MutationOptions options = new MutationOptions(VerifyOptions.of(dir), jobs, mutants, 1, Duration.ofMinutes(5), null, dir, 0);
                MutationResult result = new MutationRun(r -> { }).runOn(options, server);
                Score score = result.overall();
                double minutes = result.duration().toMillis() / 60_000.0;
                System.out.printf(Locale.ROOT, "%s: %d of %d mutants, --jobs %d: %.1f s, %.1f mutants a minute; kill rate %.1f%% "
                                + "(%d killed, %d survived, %d timed out, %d equivalent)%n", dir, result.results().size(), result.generated(),
                        jobs, result.duration().toMillis() / 1000.0, result.results().size() / minutes, score.killRate(), score.killed(),
                        score.survived(), score.timedOut(), score.equivalent());
            }
        }
    }
}
