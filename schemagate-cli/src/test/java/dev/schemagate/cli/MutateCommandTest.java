package dev.schemagate.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code schemagate mutate}'s input errors: said in one line with exit 2, before any database starts. */
class MutateCommandTest {

    @Test
    void optionsOutOfRangeAreInputErrors() {
        CommandRun jobs = CommandRun.of("mutate", Examples.example("shop"), "--jobs", "0");
        CommandRun rate = CommandRun.of("mutate", Examples.example("shop"), "--min-kill-rate", "150");
        CommandRun timeout = CommandRun.of("mutate", Examples.example("shop"), "--timeout", "soon");

        assertThat(jobs.exitCode()).as(jobs.toString()).isEqualTo(ExitCode.INPUT);
        assertThat(jobs.err()).isEqualTo("schemagate: --jobs must be at least 1, not 0\n");
        assertThat(rate.err()).contains("--min-kill-rate is a percentage from 0 to 100, not 150");
        assertThat(timeout.err()).contains("--timeout 'soon' is not a duration");
    }

    @Test
    void aServerOfTheUsersIsRefused() {
        CommandRun run = CommandRun.of("mutate", Examples.example("shop"), "--db-url", "jdbc:postgresql://localhost/app");

        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains("mutation testing runs on a server of its own: leave out --db-url");
    }
}
