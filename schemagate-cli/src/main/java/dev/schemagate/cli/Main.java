package dev.schemagate.cli;

import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.migration.InputException;
import dev.schemagate.report.PlainText;
import dev.schemagate.report.WorkflowLog;
import picocli.CommandLine;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Map;

/** The {@code schemagate} command's entry point: parses, runs, and maps failures to exit codes. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(WorkflowLog.of(new OutputStreamWriter(System.out, Charset.defaultCharset()), System.getenv()),
                WorkflowLog.of(new OutputStreamWriter(System.err, Charset.defaultCharset()), System.getenv()), args));
    }

    /** Runs a command line with the given output streams and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, System.getenv(), args);
    }

    /** Runs a command line that sees {@code environment} as its environment variables. */
    public static int run(PrintWriter out, PrintWriter err, Map<String, String> environment, String... args) {
        CommandLine commandLine = SchemagateCommand.commandLine(environment, args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((ex, given) -> {
            err.println("schemagate: " + PlainText.of(ex.getMessage()));
            if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
                err.println("Did you mean: " + String.join(" or ", unmatched.getSuggestions()) + "?");
            }
            err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCode.INPUT;
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof InputException || ex instanceof IllegalArgumentException) {
                err.println("schemagate: " + PlainText.of(ex.getMessage()));
                return ExitCode.INPUT;
            }
            if (ex instanceof InfrastructureException) {
                err.println("schemagate: " + PlainText.of(ex.getMessage()));
                return ExitCode.INFRASTRUCTURE;
            }
            err.println("schemagate: internal error, please report it with this trace:");
            ex.printStackTrace(err);
            return ExitCode.INFRASTRUCTURE;
        });
        return commandLine.execute(args);
    }
}
