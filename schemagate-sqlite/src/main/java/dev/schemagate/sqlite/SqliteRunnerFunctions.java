package dev.schemagate.sqlite;

import dev.schemagate.dialect.RunnerFunctions;
import dev.schemagate.dialect.RunnerFunctions.Kind;
import org.sqlite.Function;
import org.sqlite.core.Codes;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * Defines on a connection the functions the project's runner defines on its own ({@link RunnerFunctions}),
 * as sqlite-jdbc's application-defined functions of one argument, deterministic as SQLite's built-in
 * ones; a value the function cannot take is an error of the statement that called it, naming the function.
 */
final class SqliteRunnerFunctions {

    private SqliteRunnerFunctions() {
    }

    static void define(Connection connection, RunnerFunctions functions) throws SQLException {
        for (Map.Entry<String, Kind> function : functions.byName().entrySet()) {
            Function.create(connection, function.getKey(), new OneArgument(function.getKey(), function.getValue()), 1,
                    Function.FLAG_DETERMINISTIC);
        }
    }

    /** One declared function: its kind applied to its argument; NULL gives NULL. */
    private static final class OneArgument extends Function {

        private final String name;
        private final Kind kind;

        OneArgument(String name, Kind kind) {
            this.name = name;
            this.kind = kind;
        }

        @Override
        protected void xFunc() throws SQLException {
            if (value_type(0) == Codes.SQLITE_NULL) {
                result();
                return;
            }
            try {
                switch (kind) {
                    case BASE64 -> result(Base64.getEncoder().encodeToString(bytes()));
                    case UNBASE64 -> {
                        String text = value_text(0);
                        if (text.isEmpty()) {
                            result();
                        } else {
                            result(Base64.getDecoder().decode(text));
                        }
                    }
                    case HEX -> result(HexFormat.of().withUpperCase().formatHex(bytes()));
                    case UNHEX -> result(HexFormat.of().parseHex(value_text(0)));
                }
            } catch (IllegalArgumentException e) {
                error(name + "(): " + e.getMessage());
            }
        }

        /** The argument's bytes: a blob's own, any other value's text in UTF-8. */
        private byte[] bytes() throws SQLException {
            return value_type(0) == Codes.SQLITE_BLOB ? value_blob(0) : value_text(0).getBytes(StandardCharsets.UTF_8);
        }
    }
}
