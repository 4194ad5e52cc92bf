package dev.schemagate.postgres;

import dev.schemagate.dialect.Reach;
import dev.schemagate.dialect.Reach.Scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises PostgreSQL statements that reach outside the database they run in: other databases,
 * roles, tablespaces, server-wide settings and sessions, the server host's files and programs, and
 * other servers (subscriptions, dblink). It reads the lexer's words, and also the bodies of
 * {@code DO} blocks and functions, where the same commands can hide in PL/pgSQL or in an
 * {@code EXECUTE}d string.
 *
 * <p>What stays in the database is not reached: {@code ALTER DEFAULT PRIVILEGES} (kept per
 * database), {@code GRANT ... ON TABLE} to an existing role, {@code ALTER ... OWNER TO}, {@code SET}
 * (one session), {@code CREATE EXTENSION} of anything but an untrusted language or a file reader.
 * SQL built at run time from values the text does not show is out of reach of any reading; only the
 * server's privileges bound it.
 */
final class StatementReach {

    private static final int MAX_DEPTH = 3;
    private static final Set<String> CLAUSE_STARTS = Set.of("begin", "then", "else", "loop", "execute", "do");
    private static final Set<String> UNTRUSTED = Set.of("plperlu", "plpythonu", "plpython2u", "plpython3u", "pltclu",
            "plsh", "adminpack", "file_fdw");
    private static final Map<String, Scope> FUNCTIONS = functions();

    private StatementReach() {
    }

    static Optional<Reach> of(String sql) {
        return scan(sql, 0);
    }

    /** A token worth reading: a word (lower case unless quoted), a string, a parenthesis or a semicolon. */
    private record Token(SqlLexer.Kind kind, String text) {
        boolean is(String word) {
            return kind == SqlLexer.Kind.WORD && text.equals(word);
        }
    }

    private static Optional<Reach> scan(String sql, int depth) {
        List<Token> tokens = tokens(sql);
        for (int i = 0; i < tokens.size(); i++) {
            boolean clauseStart = i == 0 || (depth > 0 && startsClause(tokens.get(i - 1)));
            Optional<Reach> reach = clauseStart ? command(tokens, i) : Optional.empty();
            if (reach.isEmpty()) {
                reach = functionCall(tokens, i);
            }
            if (reach.isPresent()) {
                return reach;
            }
        }
        if (depth < MAX_DEPTH && (depth > 0 || holdsBody(tokens))) {
            for (Token token : tokens) {
                if (token.kind() == SqlLexer.Kind.STRING) {
                    Optional<Reach> inner = scan(content(token.text()), depth + 1);
                    if (inner.isPresent()) {
                        return inner;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean startsClause(Token previous) {
        return previous.kind() == SqlLexer.Kind.SEMICOLON
                || (previous.kind() == SqlLexer.Kind.WORD && CLAUSE_STARTS.contains(previous.text()));
    }

    /** {@code DO} and {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}: their strings are code. */
    private static boolean holdsBody(List<Token> tokens) {
        if (word(tokens, 0).equals("do")) {
            return true;
        }
        int i = word(tokens, 1).equals("or") ? 3 : 1;
        return word(tokens, 0).equals("create") && (word(tokens, i).equals("function") || word(tokens, i).equals("procedure"));
    }

    /** The command starting at token {@code i}, when it reaches outside. */
    private static Optional<Reach> command(List<Token> tokens, int i) {
        String first = word(tokens, i);
        String second = word(tokens, i + 1);
        String third = word(tokens, i + 2);
        switch (first) {
            case "create", "alter", "drop" -> {
                String command = (first + " " + second).toUpperCase(Locale.ROOT);
                return switch (second) {
                    case "database" -> reach(Scope.DATABASES, command);
                    case "role" -> reach(Scope.ROLES, command);
                    case "user", "group" -> third.equals("mapping") ? Optional.empty() : reach(Scope.ROLES, command);
                    case "tablespace" -> reach(Scope.TABLESPACES, command);
                    case "subscription" -> reach(Scope.OTHER_SERVERS, command);
                    case "system" -> first.equals("alter") ? reach(Scope.SERVER, "ALTER SYSTEM") : Optional.empty();
                    case "owned" -> first.equals("drop") ? reach(Scope.ROLES, "DROP OWNED") : Optional.empty();
                    case "extension", "language", "trusted", "procedural" -> untrusted(tokens, i, first, second);
                    default -> Optional.empty();
                };
            }
            case "reassign" -> {
                return second.equals("owned") ? reach(Scope.ROLES, "REASSIGN OWNED") : Optional.empty();
            }
            case "grant", "revoke" -> {
                return grant(tokens, i, first.toUpperCase(Locale.ROOT));
            }
            case "comment", "security" -> {
                int on = first.equals("comment") ? i + 2 : i + 3;
                String object = word(tokens, on);
                String command = (first.equals("comment") ? "COMMENT ON " : "SECURITY LABEL ON ") + object.toUpperCase(Locale.ROOT);
                return shared(object, command);
            }
            case "import" -> {
                return second.equals("foreign") ? reach(Scope.OTHER_SERVERS, "IMPORT FOREIGN SCHEMA") : Optional.empty();
            }
            case "copy" -> {
                return copy(tokens, i);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** {@code CREATE EXTENSION} or {@code CREATE LANGUAGE} of something whose code runs unchecked on the host. */
    private static Optional<Reach> untrusted(List<Token> tokens, int i, String first, String second) {
        if (!first.equals("create")) {
            return Optional.empty();
        }
        for (int j = i + 1; j < Math.min(tokens.size(), i + 8); j++) {
            String name = tokens.get(j).text().replace("\"", "");
            if (UNTRUSTED.contains(name)) {
                return reach(Scope.PROGRAMS, (second.equals("extension") ? "CREATE EXTENSION " : "CREATE LANGUAGE ") + name);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code GRANT role TO role} (membership: there is no {@code ON}) reaches roles; a grant on a
     * database, tablespace or parameter reaches those; a grant on objects of this database does not.
     */
    private static Optional<Reach> grant(List<Token> tokens, int i, String command) {
        int depth = 0;
        for (int j = i + 1; j < tokens.size(); j++) {
            Token token = tokens.get(j);
            depth += token.kind() == SqlLexer.Kind.OPEN_PAREN ? 1 : token.kind() == SqlLexer.Kind.CLOSE_PAREN ? -1 : 0;
            if (token.kind() == SqlLexer.Kind.SEMICOLON) {
                break;
            }
            if (depth == 0 && token.is("on")) {
                String object = word(tokens, j + 1);
                return shared(object, command + " ON " + object.toUpperCase(Locale.ROOT));
            }
            if (depth == 0 && (token.is("to") || token.is("from"))) {
                return reach(Scope.ROLES, command + " role membership");
            }
        }
        return Optional.empty();
    }

    private static Optional<Reach> shared(String object, String command) {
        return switch (object) {
            case "database" -> reach(Scope.DATABASES, command);
            case "role" -> reach(Scope.ROLES, command);
            case "tablespace" -> reach(Scope.TABLESPACES, command);
            case "parameter" -> reach(Scope.SERVER, command);
            default -> Optional.empty();
        };
    }

    /** {@code COPY ... TO|FROM PROGRAM} runs a program; {@code COPY ... TO|FROM 'file'} reads or writes a file. */
    private static Optional<Reach> copy(List<Token> tokens, int i) {
        int depth = 0;
        for (int j = i + 1; j + 1 < tokens.size(); j++) {
            Token token = tokens.get(j);
            depth += token.kind() == SqlLexer.Kind.OPEN_PAREN ? 1 : token.kind() == SqlLexer.Kind.CLOSE_PAREN ? -1 : 0;
            if (token.kind() == SqlLexer.Kind.SEMICOLON) {
                break;
            }
            if (depth == 0 && (token.is("to") || token.is("from"))) {
                Token target = tokens.get(j + 1);
                String direction = token.text().toUpperCase(Locale.ROOT);
                if (target.is("program")) {
                    return reach(Scope.PROGRAMS, "COPY ... " + direction + " PROGRAM");
                }
                if (target.kind() == SqlLexer.Kind.STRING) {
                    return reach(Scope.FILES, "COPY ... " + direction + " a server file");
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A call of a function that reaches outside: a known name followed by a parenthesis. */
    private static Optional<Reach> functionCall(List<Token> tokens, int i) {
        Token token = tokens.get(i);
        Scope scope = token.kind() == SqlLexer.Kind.WORD ? FUNCTIONS.get(token.text()) : null;
        if (scope == null || i + 1 >= tokens.size() || tokens.get(i + 1).kind() != SqlLexer.Kind.OPEN_PAREN) {
            return Optional.empty();
        }
        return reach(scope, token.text() + "()");
    }

    private static Optional<Reach> reach(Scope scope, String command) {
        return Optional.of(new Reach(scope, command));
    }

    private static String word(List<Token> tokens, int i) {
        return i < tokens.size() && tokens.get(i).kind() == SqlLexer.Kind.WORD ? tokens.get(i).text() : "";
    }

    private static List<Token> tokens(String sql) {
        SqlLexer lexer = new SqlLexer(sql);
        List<Token> tokens = new ArrayList<>();
        for (SqlLexer.Kind kind = lexer.next(); kind != SqlLexer.Kind.END; kind = lexer.next()) {
            String text = sql.substring(lexer.start(), lexer.end());
            switch (kind) {
                case WORD -> tokens.add(new Token(kind, text.toLowerCase(Locale.ROOT)));
                case QUOTED_NAME, STRING, OPEN_PAREN, CLOSE_PAREN, SEMICOLON -> tokens.add(new Token(kind, text));
                default -> { }
            }
        }
        return tokens;
    }

    /** The text inside a string constant: {@code 'it''s'}, {@code E'...'} or {@code $tag$...$tag$}. */
    private static String content(String literal) {
        if (literal.startsWith("$")) {
            String tag = literal.substring(0, literal.indexOf('$', 1) + 1);
            boolean closed = literal.length() >= 2 * tag.length() && literal.endsWith(tag);
            return literal.substring(tag.length(), closed ? literal.length() - tag.length() : literal.length());
        }
        int open = literal.indexOf('\'');
        int close = literal.length() > open + 1 && literal.endsWith("'") ? literal.length() - 1 : literal.length();
        return open < 0 ? "" : literal.substring(open + 1, close).replace("''", "'");
    }

    private static Map<String, Scope> functions() {
        Map<String, Scope> functions = new java.util.HashMap<>();
        for (String name : List.of("pg_read_file", "pg_read_binary_file", "pg_ls_dir", "pg_stat_file", "pg_ls_logdir",
                "pg_ls_waldir", "pg_ls_tmpdir", "pg_ls_archive_statusdir", "pg_ls_logicalmapdir", "pg_ls_logicalsnapdir",
                "pg_ls_replslotdir", "lo_import", "lo_export", "pg_file_write", "pg_file_rename", "pg_file_unlink",
                "pg_file_sync", "pg_logdir_ls")) {
            functions.put(name, Scope.FILES);
        }
        for (String name : List.of("pg_reload_conf", "pg_rotate_logfile", "pg_terminate_backend", "pg_cancel_backend",
                "pg_switch_wal", "pg_create_restore_point", "pg_create_physical_replication_slot",
                "pg_create_logical_replication_slot", "pg_drop_replication_slot", "pg_copy_physical_replication_slot",
                "pg_copy_logical_replication_slot", "pg_promote", "pg_backup_start", "pg_backup_stop", "pg_start_backup",
                "pg_stop_backup", "pg_replication_origin_create", "pg_replication_origin_drop")) {
            functions.put(name, Scope.SERVER);
        }
        for (String name : List.of("dblink", "dblink_exec", "dblink_connect", "dblink_connect_u", "dblink_open",
                "dblink_send_query")) {
            functions.put(name, Scope.OTHER_SERVERS);
        }
        return Map.copyOf(functions);
    }
}
