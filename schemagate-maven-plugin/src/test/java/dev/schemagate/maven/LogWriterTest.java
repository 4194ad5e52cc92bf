package dev.schemagate.maven;

import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Findings reach the Maven log at [ERROR] and [WARNING], with the lines under them; the rest at [INFO]. */
class LogWriterTest {

    @Test
    void findingsAreLoggedAtTheirSeverity() {
        List<String> logged = new ArrayList<>();
        SystemStreamLog log = new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                logged.add("INFO " + content);
            }

            @Override
            public void warn(CharSequence content) {
                logged.add("WARNING " + content);
            }

            @Override
            public void error(CharSequence content) {
                logged.add("ERROR " + content);
            }
        };
        try (PrintWriter out = new PrintWriter(new LogWriter(log))) {
            out.println("Verifying db (flyway layout, 2 migrations) on embedded PostgreSQL 17");
            out.println("db/V2__x.sql:5:5: error: syntax error at or near \"name\" [apply.statement-failed]");
            out.println("    > 5 |     name text");
            out.println("db/V1__y.sql:2:1: warning: rewrites the table [lint.table-rewrite]");
            out.println("    hint: add the column without a default first");
            out.println("FAILED 1 of 2 migrations applied, 1 error, 1 warning (1.00 s)");
        }

        assertThat(logged).containsExactly(
                "INFO Verifying db (flyway layout, 2 migrations) on embedded PostgreSQL 17",
                "ERROR db/V2__x.sql:5:5: error: syntax error at or near \"name\" [apply.statement-failed]",
                "ERROR     > 5 |     name text",
                "WARNING db/V1__y.sql:2:1: warning: rewrites the table [lint.table-rewrite]",
                "WARNING     hint: add the column without a default first",
                "INFO FAILED 1 of 2 migrations applied, 1 error, 1 warning (1.00 s)");
    }
}
