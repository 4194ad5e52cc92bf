package dev.schemagate.cli;

import dev.schemagate.engine.CheckName;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The options that say what the gate checks ({@code verify}, and {@code mutate}, which runs the
 * same gate on each mutant), declared once so that both mean the same.
 */
public final class GateOptions {

    @Option(names = "--checks", split = ",", paramLabel = "CHECK",
            description = "Checks to make, comma-separated: apply, reversibility, data, integrity, lint, probes, performance "
                    + "(default: all but probes and performance). Apply always runs.")
    List<String> checks;

    @Option(names = "--expected", paramLabel = "FILE",
            description = "The schema the migrations must end in: a schema .sql or a snapshot .json; a difference fails the run.")
    String expected;

    Set<CheckName> checks() {
        return checks == null ? CheckName.defaults() : checks.stream().map(CheckName::fromId).collect(Collectors.toSet());
    }
}
