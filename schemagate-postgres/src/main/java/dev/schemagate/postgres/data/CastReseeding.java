package dev.schemagate.postgres.data;

import dev.schemagate.data.FailedStatement;
import dev.schemagate.model.Column;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Re-seeds the sample values a statement could not take, the way the application wrote them: the
 * seeder fills a text column with letters, while the application kept JSON (or numbers, or
 * uuids) there, which a migration later casts to that type. When a statement fails with a data
 * exception that names a type ({@code invalid input syntax for type json}), the text columns the
 * statement names whose sample values are not valid input for that type get values the seeder
 * makes for the type, written as text, one column at a time (the caller tries again): a column
 * holding the value the server quotes, or, when none does (the statement transformed it), a named
 * column with values the type refuses; a column the statement casts to that type comes first. A
 * failure that no sample value explains changes nothing, and stands, as does text too long for a
 * narrower text type: whether production values fit is what such a migration must answer.
 */
public final class CastReseeding {

    /** {@code invalid input syntax for type json}, {@code invalid input value for enum mood: "x"}, {@code … out of range for type integer}. */
    private static final Pattern TYPE = Pattern.compile("for (?:type|enum) (.+?)(?::\\s*\".*)?$");
    private static final Pattern QUOTED_VALUE = Pattern.compile("(?:: |value )\"(.*?)\"");
    private static final Pattern JSON_TOKEN = Pattern.compile("^Token \"(.*)\" is invalid");
    private static final int DISTINCT_VALUES = 50;
    private static final long SALT = 7;

    private CastReseeding() {
    }

    /** Re-seeds what explains {@code failure} in the tables of {@code now}; returns how many rows changed. */
    public static long reseed(Connection connection, Snapshot now, FailedStatement failure) throws SQLException {
        if (!failure.dataException()) {
            return 0;
        }
        Matcher type = TYPE.matcher(failure.message());
        if (!type.find()) {
            return 0;
        }
        TypeName target = resolve(connection, type.group(1).trim());
        if (target == null || Scalars.letters(target)) {
            return 0;
        }
        Generator values = new Values(now).forType(target, Hints.NONE, SALT);
        if (values == null) {
            return 0;
        }
        List<Named> named = named(now, failure.sql(), type.group(1).trim());
        boolean validity = pgInputIsValid(connection);
        String value = failingValue(failure);
        Optional<Named> chosen = value == null || value.isEmpty() ? Optional.empty()
                : named.stream().filter(column -> holds(connection, column, value)).findFirst();
        if (chosen.isEmpty() && validity) {
            chosen = named.stream().filter(column -> holdsInvalid(connection, column, target)).findFirst();
        }
        return chosen.isPresent() ? update(connection, chosen.get(), target, values, validity) : 0;
    }

    /** A text column of a table, both named in the statement. */
    private record Named(Table table, Column column) {

        String tableSql() {
            return Quote.name(table.qualifiedName());
        }

        String columnSql() {
            return Quote.ident(column.name());
        }
    }

    /**
     * The text columns named in the statement, those it seems to cast to the type first (sample
     * values may repeat across columns, and one column is re-seeded at a time).
     */
    private static List<Named> named(Snapshot now, String sql, String typeName) {
        String text = sql.toLowerCase(Locale.ROOT);
        List<Named> named = new ArrayList<>();
        for (Table table : now.tables()) {
            if (!mentions(text, table.name())) {
                continue;
            }
            for (Column column : table.columns()) {
                if (Scalars.letters(TypeName.parse(column.type())) && mentions(text, column.name())) {
                    named.add(new Named(table, column));
                }
            }
        }
        // each column looked for once: a sort's comparator would search the statement twice per comparison
        Map<Boolean, List<Named>> cast = named.stream()
                .collect(Collectors.partitioningBy(column -> castTo(text, column.column().name(), typeName)));
        List<Named> ordered = new ArrayList<>(cast.get(true));
        ordered.addAll(cast.get(false));
        return ordered;
    }

    /** The column's name is followed, within the expression, by a cast to a type whose name starts as the target's. */
    private static boolean castTo(String text, String column, String typeName) {
        String type = typeName.toLowerCase(Locale.ROOT).split("[\\s(]")[0];
        return Pattern.compile("(?<![\\w$])\"?" + Pattern.quote(column.toLowerCase(Locale.ROOT))
                + "\"?(?![\\w$])[^;]{0,30}?(::|\\bas\\s+)\\s*\"?" + Pattern.quote(type)).matcher(text).find();
    }

    /** The name appears in the statement as a word (quoted or not). */
    private static boolean mentions(String text, String name) {
        return Pattern.compile("(?<![\\w$])\"?" + Pattern.quote(name.toLowerCase(Locale.ROOT)) + "\"?(?![\\w$])").matcher(text).find();
    }

    /** The value the server quotes as refused, or for JSON the token it could not read; null when it quotes none. */
    private static String failingValue(FailedStatement failure) {
        Matcher token = JSON_TOKEN.matcher(failure.detail());
        if (token.find()) {
            return token.group(1);
        }
        Matcher quoted = QUOTED_VALUE.matcher(failure.message());
        return quoted.find() ? quoted.group(1) : null;
    }

    /** The column holds the value, or (a JSON token being where reading stopped) a value that starts with it. */
    private static boolean holds(Connection connection, Named column, String value) {
        String sql = "SELECT EXISTS (SELECT 1 FROM " + column.tableSql() + " WHERE left(" + column.columnSql() + "::text, ?) = ?)";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setInt(1, value.length());
            query.setString(2, value);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean holdsInvalid(Connection connection, Named column, TypeName target) {
        String sql = "SELECT EXISTS (SELECT 1 FROM " + column.tableSql() + " WHERE " + invalid(column, target) + ")";
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String invalid(Named column, TypeName target) {
        return column.columnSql() + " IS NOT NULL AND NOT pg_input_is_valid(" + column.columnSql() + "::text, "
                + Quote.literal(target.text()) + ")";
    }

    /**
     * Gives the column's rows that the type refuses (every non-NULL row on a server too old to ask)
     * values of the type written as text, spread over {@value #DISTINCT_VALUES} distinct values.
     */
    private static long update(Connection connection, Named column, TypeName target, Generator values, boolean validity) {
        List<String> rows = new ArrayList<>();
        for (int k = 0; k < DISTINCT_VALUES; k++) {
            rows.add("(" + k + ", (" + values.literal(k) + ")::text)");
        }
        String condition = validity ? invalid(column, target) : column.columnSql() + " IS NOT NULL";
        String sql = "WITH v(n, value) AS (VALUES " + String.join(", ", rows) + "), "
                + "o AS (SELECT ctid AS id, row_number() OVER (ORDER BY ctid) - 1 AS n FROM " + column.tableSql()
                + " WHERE " + condition + ") "
                + "UPDATE " + column.tableSql() + " t SET " + column.columnSql() + " = v.value::" + column.column().type()
                + " FROM o JOIN v ON v.n = o.n % " + DISTINCT_VALUES + " WHERE t.ctid = o.id";
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        } catch (SQLException e) {
            return 0;
        }
    }

    /** The type as {@link TypeName} reads it (built-in types unqualified, others schema-qualified), or null when unknown. */
    private static TypeName resolve(Connection connection, String name) {
        String sql = "SELECT CASE WHEN n.nspname = 'pg_catalog' THEN format_type(t.oid, NULL)"
                + " ELSE quote_ident(n.nspname) || '.' || quote_ident(t.typname) END"
                + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.oid = to_regtype(?)";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? TypeName.parse(rs.getString(1)) : null;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    /** PostgreSQL 16 and later can tell whether a text is valid input for a type without raising an error. */
    private static boolean pgInputIsValid(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseMajorVersion() >= 16;
    }
}
