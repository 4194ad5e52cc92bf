package dev.schemagate.mysql;

import dev.schemagate.dialect.Reach;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a MySQL statement reaches outside the database it runs in: other databases ({@code USE},
 * {@code CREATE/DROP/ALTER DATABASE}), accounts and privileges, server settings and sessions,
 * files on the server's host ({@code LOAD DATA INFILE}, {@code INTO OUTFILE}), plugins. On a server
 * the run does not own such a statement is refused before anything runs. A table qualified with
 * another database's name is not seen: the names of tables are not read.
 */
final class StatementReach {

    private record Rule(Pattern pattern, Reach.Scope scope) {
    }

    private static final List<Rule> RULES = List.of(
            rule("^(USE)\\s", Reach.Scope.DATABASES),
            rule("^((?:CREATE|DROP|ALTER)\\s+(?:DATABASE|SCHEMA))\\b", Reach.Scope.DATABASES),
            rule("^((?:CREATE|DROP|ALTER|RENAME)\\s+(?:USER|ROLE)|GRANT|REVOKE|SET\\s+(?:PASSWORD|DEFAULT\\s+ROLE))\\b", Reach.Scope.ROLES),
            rule("^(SET\\s+(?:GLOBAL|PERSIST|PERSIST_ONLY|@@GLOBAL)|SHUTDOWN|KILL|FLUSH|RESET|PURGE|CHANGE\\s+(?:MASTER|REPLICATION)|START\\s+(?:SLAVE|REPLICA)|STOP\\s+(?:SLAVE|REPLICA)|(?:UN)?INSTALL\\s+(?:PLUGIN|SONAME|COMPONENT))\\b",
                    Reach.Scope.SERVER),
            rule("(LOAD\\s+DATA\\s+(?:LOW_PRIORITY\\s+|CONCURRENT\\s+)?INFILE|LOAD\\s+XML\\s+INFILE|INTO\\s+(?:OUTFILE|DUMPFILE)|LOAD_FILE\\s*\\()", Reach.Scope.FILES),
            rule("(ENGINE\\s*=\\s*(?:FEDERATED|CONNECT))", Reach.Scope.OTHER_SERVERS));

    private StatementReach() {
    }

    private static Rule rule(String regex, Reach.Scope scope) {
        return new Rule(Pattern.compile(regex), scope);
    }

    static Optional<Reach> of(String sql) {
        String text = sql.replaceAll("(?s)/\\*(?!!).*?\\*/", " ").replaceAll("(?m)(#|-- ).*$", " ")
                .strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(text);
            if (m.find()) {
                return Optional.of(new Reach(rule.scope(), m.group(1)));
            }
        }
        return Optional.empty();
    }
}
