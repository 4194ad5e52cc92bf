package dev.schemagate.bench;

import dev.schemagate.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;

/**
 * Times {@code schemagate lint} on one migrations folder, static and observed, in one JVM, and
 * prints one line per run: the figures the lint issue promises (a static lint of the hydra
 * history under 2 seconds; the observed lint's full time).
 *
 * <p>Usage: {@code LintBench DIR [ROWS]}
 */
public final class LintBench {

    private LintBench() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: LintBench DIR [ROWS]");
            System.exit(2);
        }
        String rows = args.length > 1 ? args[1] : "10000";
        time("static", "lint", "--static", args[0]);
        time("observed, " + rows + " rows a table", "lint", "--rows", rows, args[0]);
    }

    private static void time(String label, String... args) {
        StringWriter out = new StringWriter();
        long start = System.nanoTime();
        int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), args);
        double seconds = (System.nanoTime() - start) / 1e9;
        String verdict = out.toString().lines().reduce((a, b) -> b).orElse("");
        System.out.printf(Locale.ROOT, "%-32s %7.2f s  exit %d  %s%n", label, seconds, code, verdict);
    }
}
