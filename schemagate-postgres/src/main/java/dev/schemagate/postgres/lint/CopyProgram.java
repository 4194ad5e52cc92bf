package dev.schemagate.postgres.lint;

import dev.schemagate.lint.LintStatement;
import dev.schemagate.lint.Rule;
import dev.schemagate.lint.Suspicion;

import java.util.List;

import static dev.schemagate.check.Severity.ERROR;
import static dev.schemagate.lint.Suspicion.Need.NONE;

/** {@code lint.copy-program}: COPY TO or FROM PROGRAM, a shell command on the server's host. */
public final class CopyProgram implements PostgresRule {

    public static final Rule RULE = new Rule("lint.copy-program", ERROR, false,
            "COPY ... TO or FROM PROGRAM runs a shell command on the database server's host, as the operating-system"
                    + " user of the server: whoever can change a migration gets a shell there.",
            "Move data with COPY ... FROM STDIN or TO STDOUT (psql's \\copy) in a deployment step, or write the rows as INSERT statements.");
    private static final java.util.regex.Pattern PROGRAM = java.util.regex.Pattern.compile("(?i)\\b(TO|FROM)\\s+PROGRAM\\b");

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public void check(LintStatement s, Fact fact, LintMemory memory, List<Suspicion> out) {
        if (fact instanceof Fact.Copy copy && PROGRAM.matcher(copy.outsideParentheses()).find()) {
            out.add(s.suspect(RULE, null, "runs a program on the database server's host", NONE));
        }
    }
}
