package dev.schemagate.postgres.observe;

import dev.schemagate.lint.Seeder;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deliberately simple seeder: one {@code INSERT ... SELECT ... FROM generate_series(1, n)} per
 * empty table. Columns with a default, identity or generated value are left to the database;
 * other columns get a value derived from the series number by type (text as a JSON string such
 * as {@code "v42"}, so that text columns holding JSON cast cleanly); a required foreign key
 * takes the smallest referenced value. Tables are retried after others fill (for foreign keys);
 * a table whose insert still fails (a unique foreign key, a CHECK it cannot meet, a type it
 * cannot fill) is left empty and reported. A constraint-aware generator can replace it.
 */
final class GenerateSeriesSeeder implements Seeder {

    private static final String EMPTY_TABLES = """
            SELECT c.oid, format('%I.%I', n.nspname, c.relname), c.relname
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
               AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
             ORDER BY c.oid
            """;
    private static final String COLUMNS = """
            SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.atthasdef OR a.attidentity <> ''
                   OR a.attgenerated <> '', t.typtype, t.typcategory, a.atttypid,
                   (SELECT format('(SELECT min(%I) FROM %s)', ra.attname, fk.confrelid::regclass)
                      FROM pg_constraint fk
                      JOIN pg_attribute ra ON ra.attrelid = fk.confrelid AND ra.attnum = fk.confkey[1]
                     WHERE fk.conrelid = a.attrelid AND fk.contype = 'f' AND fk.conkey = ARRAY[a.attnum] LIMIT 1)
              FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
             WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attnum
            """;

    @Override
    public List<Skipped> seed(Connection connection, int rows) throws SQLException {
        Map<String, String> pending = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        List<Skipped> skipped = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(EMPTY_TABLES)) {
            while (rs.next()) {
                names.put(rs.getString(2), rs.getString(3) + "|" + rs.getLong(1));
            }
        }
        for (Map.Entry<String, String> table : names.entrySet()) {
            if (!isEmpty(connection, table.getKey())) {
                continue;
            }
            long oid = Long.parseLong(table.getValue().substring(table.getValue().indexOf('|') + 1));
            String name = table.getValue().substring(0, table.getValue().indexOf('|'));
            insert(connection, oid, table.getKey(), rows).ifPresentOrElse(sql -> pending.put(name, sql),
                    () -> skipped.add(new Skipped(name, "it has a required column of a type this seeder cannot fill")));
        }
        Map<String, String> failures = new LinkedHashMap<>();
        boolean progress = true;
        while (progress && !pending.isEmpty()) {
            progress = false;
            failures.clear();
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                try (Statement statement = connection.createStatement()) {
                    statement.execute(entry.getValue());
                    it.remove();
                    progress = true;
                } catch (SQLException e) {
                    failures.put(entry.getKey(), e.getMessage().lines().findFirst().orElse(""));
                }
            }
        }
        failures.forEach((table, reason) -> skipped.add(new Skipped(table, reason)));
        return skipped;
    }

    private static boolean isEmpty(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM " + table + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** The INSERT that fills a table, or empty when a required column has a type it cannot fill. */
    private static Optional<String> insert(Connection connection, long oid, String table, int rows) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (var query = connection.prepareStatement(COLUMNS)) {
            query.setLong(1, oid);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(4)) {
                        continue;
                    }
                    String type = rs.getString(2);
                    String reference = rs.getString(8);
                    Optional<String> value = reference != null ? Optional.of(reference)
                            : value(type, rs.getString(5), rs.getString(6), rs.getLong(7));
                    if (value.isEmpty() && rs.getBoolean(3)) {
                        return Optional.empty();
                    }
                    if (value.isPresent()) {
                        columns.add('"' + rs.getString(1).replace("\"", "\"\"") + '"');
                        values.add("CAST(" + value.get() + " AS " + type + ")");
                    }
                }
            }
        }
        if (columns.isEmpty()) {
            return Optional.of("INSERT INTO " + table + " SELECT FROM generate_series(1, " + rows + ")");
        }
        return Optional.of("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT "
                + String.join(", ", values) + " FROM generate_series(1, " + rows + ") AS g");
    }

    /** A value for row {@code g} of a column of this type, by type name and category. */
    static Optional<String> value(String type, String typeType, String category, long typeOid) {
        if ("e".equals(typeType)) {
            return Optional.of("(SELECT enumlabel FROM pg_enum WHERE enumtypid = " + typeOid + " ORDER BY enumsortorder LIMIT 1)");
        }
        if (type.equals("smallint")) {
            return Optional.of("g % 32767");
        }
        if (type.equals("uuid")) {
            return Optional.of("md5(g::text)::uuid");
        }
        if (type.equals("bytea")) {
            return Optional.of("decode(md5(g::text), 'hex')");
        }
        if (type.startsWith("json")) {
            return Optional.of("'{}'");
        }
        if (type.equals("inet") || type.equals("cidr")) {
            return Optional.of("'10.0.0.0'::inet + g");
        }
        return Optional.ofNullable(switch (category) {
            case "N" -> "g";
            case "S" -> "'\"v' || g || '\"'";
            case "B" -> "g % 2 = 0";
            case "D" -> "now() - g * interval '1 minute'";
            case "T" -> "g * interval '1 second'";
            case "A" -> "'{}'";
            default -> null;
        });
    }
}
