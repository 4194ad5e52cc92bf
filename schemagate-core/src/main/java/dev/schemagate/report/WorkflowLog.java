package dev.schemagate.report;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.Map;

/**
 * The console under GitHub Actions, where the runner reads every output line that starts (after
 * blanks) with {@code ::} as a workflow command: a server message or file name holding a line
 * feed and {@code ::add-mask::} or {@code ::set-output} would otherwise issue one. Every line
 * written through it that would read as a command has its leading {@code ::} written as
 * {@code : :}, and so has a {@code ##[} (the older command form); only {@link #command} writes a
 * command, for the annotations Schemagate means to issue.
 */
public final class WorkflowLog extends PrintWriter {

    private final Writer raw;

    private WorkflowLog(Writer raw) {
        super(new Guard(raw), true);
        this.raw = raw;
    }

    /** {@code writer} as it is, or guarded when {@code env} says this runs on GitHub Actions. */
    public static PrintWriter of(Writer writer, Map<String, String> env) {
        return "true".equals(env.get("GITHUB_ACTIONS")) ? new WorkflowLog(writer) : new PrintWriter(writer, true);
    }

    /** Writes a line as it is: a workflow command, already escaped by {@link GithubAnnotations}. */
    public void command(String line) {
        flush();
        synchronized (lock) {
            try {
                raw.write(line + System.lineSeparator());
                raw.flush();
            } catch (java.io.IOException e) {
                setError();
            }
        }
    }

    /** Prints a command line through {@code out}, as a command only if {@code out} is a {@link WorkflowLog}. */
    static void command(PrintWriter out, String line) {
        if (out instanceof WorkflowLog log) {
            log.command(line);
        } else {
            out.println(line);
        }
    }

    /** Rewrites lines on their way out; a line is held until its end or a flush. */
    private static final class Guard extends Writer {

        private final Writer target;
        private final StringBuilder line = new StringBuilder();
        private boolean lineStart = true;

        Guard(Writer target) {
            this.target = target;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws java.io.IOException {
            for (int i = offset; i < offset + length; i++) {
                line.append(chars[i]);
                if (chars[i] == '\n' || chars[i] == '\r') {
                    emit();
                    lineStart = true;
                }
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            emit();
            target.flush();
        }

        @Override
        public void close() throws java.io.IOException {
            flush();
            target.close();
        }

        private void emit() throws java.io.IOException {
            if (line.isEmpty()) {
                return;
            }
            String text = line.toString().replace("##[", "# #[");
            int first = 0;
            while (first < text.length() && (text.charAt(first) == ' ' || text.charAt(first) == '\t')) {
                first++;
            }
            if (lineStart && text.startsWith("::", first)) {
                text = text.substring(0, first) + ": :" + text.substring(first + 2);
            }
            target.write(text);
            line.setLength(0);
            lineStart = lineStart && text.isBlank();
        }
    }
}
