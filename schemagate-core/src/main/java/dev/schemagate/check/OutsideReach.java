package dev.schemagate.check;

import dev.schemagate.dialect.Dialect;
import dev.schemagate.dialect.Reach;
import dev.schemagate.migration.Migration;
import dev.schemagate.migration.Script;
import dev.schemagate.migration.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Statements that reach outside the scratch database they run in (other databases, roles, server
 * settings, the host's files and programs), as the dialect recognises them. On a server the run
 * does not own they are refused before anything runs; on the private embedded server they run, and
 * when one takes away what the run needs, the finding names it.
 */
public final class OutsideReach {

    public static final String RULE = "apply.reaches-outside";

    /** A statement and what it reaches. */
    public record Reaching(Statement statement, Reach reach) {
    }

    private OutsideReach() {
    }

    /** Every statement of the migrations' up and down scripts that reaches outside, in order. */
    public static List<Reaching> all(Dialect dialect, List<Migration> migrations) {
        List<Reaching> reaching = new ArrayList<>();
        for (Migration migration : migrations) {
            scripts(migration).forEach(script -> reaching.addAll(in(dialect, script)));
        }
        return reaching;
    }

    /** The refusals for a run on a server it does not own: one error per statement that reaches outside. */
    public static List<Finding> refusals(Dialect dialect, List<Migration> migrations) {
        return all(dialect, migrations).stream().map(OutsideReach::refused).toList();
    }

    /** The first statement of the migration's up or down script that reaches outside. */
    public static Optional<Reaching> first(Dialect dialect, Migration migration) {
        return scripts(migration).flatMap(script -> in(dialect, script).stream()).findFirst();
    }

    /** The error for a statement refused on a server the run does not own; nothing of the history ran. */
    public static Finding refused(Reaching reaching) {
        Reach reach = reaching.reach();
        String message = reach.command() + " reaches " + reach.scope().description()
                + ", outside the scratch database; on an existing server it is refused, and nothing of this history ran";
        String hint = "Verify this history on the embedded server (without a database URL): it is private to the run,"
                + " and what the history changes there goes away with it.";
        if (reach.scope() == Reach.Scope.ROLES) {
            hint += " Roles belong to the whole server: to verify on a shared one, have an administrator create the"
                    + " roles once and keep CREATE ROLE and GRANT role TO role out of the migrations verified there.";
        }
        return new Finding(RULE, Severity.ERROR, reaching.statement().location(), message, hint,
                StatementFailures.excerpt(reaching.statement().location()));
    }

    /** The error for a migration after which the run could not go on, pointing at its statement that reaches outside. */
    public static Finding brokeTheRun(Reaching reaching, String failure) {
        Reach reach = reaching.reach();
        List<String> evidence = new ArrayList<>();
        evidence.add("then: " + failure);
        evidence.addAll(StatementFailures.excerpt(reaching.statement().location()));
        return new Finding(RULE, Severity.ERROR, reaching.statement().location(),
                reach.command() + " changes " + reach.scope().description() + ", and the run could not go on after this migration",
                "Such statements run on the embedded server, but this one took away something the run needs (a database,"
                        + " a setting, a connection). Keep it out of the migrations, or limit it to objects the history creates itself.",
                evidence);
    }

    private static Stream<Script> scripts(Migration migration) {
        return Stream.concat(Stream.of(migration.up()), migration.down().stream());
    }

    /** The statements of one script that reach outside, in order. */
    public static List<Reaching> in(Dialect dialect, Script script) {
        List<Reaching> reaching = new ArrayList<>();
        for (Statement statement : dialect.splitter().split(script)) {
            dialect.reach(statement).ifPresent(reach -> reaching.add(new Reaching(statement, reach)));
        }
        return reaching;
    }
}
