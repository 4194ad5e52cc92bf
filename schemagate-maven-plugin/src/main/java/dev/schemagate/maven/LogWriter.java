package dev.schemagate.maven;

import org.apache.maven.plugin.logging.Log;

import java.io.Writer;

/** A writer that hands each completed line to the Maven log, so the console report reads as build output. */
final class LogWriter extends Writer {

    private final Log log;
    private final StringBuilder line = new StringBuilder();

    LogWriter(Log log) {
        this.log = log;
    }

    @Override
    public synchronized void write(char[] chars, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (chars[i] == '\n') {
                log.info(line.toString());
                line.setLength(0);
            } else if (chars[i] != '\r') {
                line.append(chars[i]);
            }
        }
    }

    @Override
    public synchronized void flush() {
        if (line.length() > 0) {
            log.info(line.toString());
            line.setLength(0);
        }
    }

    @Override
    public void close() {
        flush();
    }
}
