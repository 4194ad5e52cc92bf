package dev.schemagate.mysql;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a MariaDB syntax error on MySQL 8 syntax from a mistake in the migration. Migrations written
 * for MySQL (Hydra's {@code .mysql.} files) may use what MariaDB's parser does not have; the
 * embedded server is MariaDB, so a user would otherwise read "error in your SQL syntax" on a
 * statement that is right for the server it is written for. MariaDB's message quotes the text from
 * the token it stopped at ({@code near 'json) WHERE …'}): when that text starts one of the constructs
 * below, the error names it and says to check the migrations on MySQL 8.
 */
final class MysqlOnlySyntax {

    /** MariaDB's ER_PARSE_ERROR. */
    static final int PARSE_ERROR = 1064;

    private static final Pattern NEAR = Pattern.compile("for the right syntax to use near '(.*)' at line \\d+\\s*$", Pattern.DOTALL);

    /** A construct, by how the text MariaDB stopped at starts, and what to write for MariaDB instead. */
    private record Construct(Pattern start, String name, String instead) {
    }

    private static final List<Construct> CONSTRUCTS = List.of(
            new Construct(Pattern.compile("^json\\s*\\)"), "CAST(… AS JSON) (or CONVERT(…, JSON))",
                    "the value without the cast (MariaDB's JSON is LONGTEXT with a JSON_VALID check)"),
            // MariaDB reads column->'$.path' as a minus, then stops at what follows it
            new Construct(Pattern.compile("^>>?\\s*['\"]\\$"), "the JSON operator -> (or ->>)",
                    "JSON_EXTRACT(column, path) for ->, JSON_UNQUOTE(JSON_EXTRACT(column, path)) for ->>"));

    private MysqlOnlySyntax() {
    }

    /** The message with the construct named, and the hint, for a MySQL-only construct MariaDB refused; empty otherwise. */
    static Optional<Refusal> refusal(int errorCode, String message) {
        return construct(errorCode, message).map(c -> new Refusal(message + " — " + c.name() + " is MySQL 8 syntax that MariaDB"
                + " does not have", "The migration is written for MySQL and ran on MariaDB: check these migrations on"
                + " MySQL 8 with --db-url jdbc:mysql://HOST:PORT/DB (the embedded server is MariaDB); for MariaDB, write "
                + c.instead() + "."));
    }

    /** The server's message with the construct named, and what to do. */
    record Refusal(String message, String hint) {
    }

    private static Optional<Construct> construct(int errorCode, String message) {
        if (errorCode != PARSE_ERROR || message == null || !message.contains("MariaDB server version")) {
            return Optional.empty();
        }
        Matcher near = NEAR.matcher(message);
        if (!near.find()) {
            return Optional.empty();
        }
        String text = near.group(1).toLowerCase(Locale.ROOT);
        return CONSTRUCTS.stream().filter(c -> c.start().matcher(text).find()).findFirst();
    }
}
