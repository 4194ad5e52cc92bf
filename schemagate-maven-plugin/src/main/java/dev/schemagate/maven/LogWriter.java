package dev.schemagate.maven;

import org.apache.maven.plugin.logging.Log;

import java.io.Writer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A writer that hands each completed line to the Maven log, so the console report reads as build
 * output: a finding line ({@code path:line:col: error: …}) and the indented lines under it go to
 * {@code [ERROR]} or {@code [WARNING]} by its severity, everything else to {@code [INFO]}.
 */
final class LogWriter extends Writer {

    private static final Pattern FINDING = Pattern.compile("^(?:.*?: )?(error|warning|info): ");

    private final Log log;
    private final StringBuilder line = new StringBuilder();
    private String level = "info";

    LogWriter(Log log) {
        this.log = log;
    }

    @Override
    public synchronized void write(char[] chars, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (chars[i] == '\n') {
                emit();
            } else if (chars[i] != '\r') {
                line.append(chars[i]);
            }
        }
    }

    @Override
    public synchronized void flush() {
        if (line.length() > 0) {
            emit();
        }
    }

    private void emit() {
        String text = line.toString();
        line.setLength(0);
        Matcher finding = FINDING.matcher(text);
        if (finding.find()) {
            level = finding.group(1);
        } else if (!text.startsWith(" ")) {
            level = "info";
        }
        switch (level) {
            case "error" -> log.error(text);
            case "warning" -> log.warn(text);
            default -> log.info(text);
        }
    }

    @Override
    public void close() {
        flush();
    }
}
