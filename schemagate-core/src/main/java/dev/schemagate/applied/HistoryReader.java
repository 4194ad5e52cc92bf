package dev.schemagate.applied;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a history table as its tool reads it: the last row of a version decides (a goose version
 * applied then rolled back is not applied; a Flyway version undone or marked deleted is gone), and
 * bookkeeping rows (Flyway's schema marker, goose's version 0) are no migrations.
 */
public final class HistoryReader {

    private static final Set<String> LIQUIBASE_RAN = Set.of("EXECUTED", "RERAN", "MARK_RAN");

    private HistoryReader() {
    }

    /** The entries of the table, in the order they were applied. */
    public static AppliedHistory read(Connection connection, HistoryTable table) throws SQLException {
        String from = " FROM " + table.sql();
        try (Statement statement = connection.createStatement()) {
            return switch (table.tool()) {
                case FLYWAY -> new AppliedHistory(table, flyway(statement.executeQuery(
                        "SELECT version, description, type, script, checksum, success" + from + " ORDER BY installed_rank")), false);
                case GOLANG_MIGRATE -> new AppliedHistory(table, golangMigrate(statement.executeQuery("SELECT version, dirty" + from)), true);
                case GOOSE -> new AppliedHistory(table, goose(statement.executeQuery("SELECT version_id, is_applied" + from + " ORDER BY id")), false);
                case LIQUIBASE -> new AppliedHistory(table, liquibase(statement.executeQuery(
                        "SELECT id, author, filename, exectype" + from + " ORDER BY orderexecuted")), false);
                case SQLX -> new AppliedHistory(table, sqlx(statement.executeQuery(
                        "SELECT version, description, success, checksum" + from + " ORDER BY version")), false);
                case DBMATE, DIESEL, POPX -> new AppliedHistory(table, versions(statement.executeQuery(
                        "SELECT version" + from + " ORDER BY version")), false);
            };
        }
    }

    private static List<AppliedEntry> flyway(ResultSet rows) throws SQLException {
        Map<String, AppliedEntry> byKey = new LinkedHashMap<>();
        while (rows.next()) {
            String version = rows.getString(1);
            String type = rows.getString(3);
            String key = version != null ? "V" + version : "R" + rows.getString(2);
            if (type.equals("SCHEMA")) {
                continue;
            }
            if (type.equals("DELETE") || type.startsWith("UNDO")) {
                byKey.remove(key);
                continue;
            }
            int checksum = rows.getInt(5);
            boolean noChecksum = rows.wasNull();
            AppliedEntry.Kind kind = type.equals("BASELINE") ? AppliedEntry.Kind.BASELINE
                    : version == null ? AppliedEntry.Kind.REPEATABLE : AppliedEntry.Kind.MIGRATION;
            byKey.remove(key);
            byKey.put(key, new AppliedEntry(kind, version, rows.getString(2), rows.getString(4), rows.getBoolean(6),
                    noChecksum ? null : String.valueOf(checksum)));
        }
        return List.copyOf(byKey.values());
    }

    private static List<AppliedEntry> golangMigrate(ResultSet rows) throws SQLException {
        List<AppliedEntry> entries = new ArrayList<>();
        while (rows.next()) {
            entries.add(migration(rows.getString(1), !rows.getBoolean(2)));
        }
        return entries;
    }

    private static List<AppliedEntry> goose(ResultSet rows) throws SQLException {
        Map<String, Boolean> applied = new LinkedHashMap<>();
        while (rows.next()) {
            String version = rows.getString(1);
            applied.remove(version);
            applied.put(version, rows.getBoolean(2));
        }
        List<AppliedEntry> entries = new ArrayList<>();
        applied.forEach((version, isApplied) -> {
            if (isApplied && !version.equals("0")) {
                entries.add(migration(version, true));
            }
        });
        return entries;
    }

    private static List<AppliedEntry> liquibase(ResultSet rows) throws SQLException {
        List<AppliedEntry> entries = new ArrayList<>();
        while (rows.next()) {
            String type = rows.getString(4);
            if (LIQUIBASE_RAN.contains(type) || type.equals("FAILED")) {
                entries.add(new AppliedEntry(AppliedEntry.Kind.MIGRATION, null, rows.getString(2) + ":" + rows.getString(1),
                        rows.getString(3), !type.equals("FAILED"), null));
            }
        }
        return entries;
    }

    private static List<AppliedEntry> sqlx(ResultSet rows) throws SQLException {
        List<AppliedEntry> entries = new ArrayList<>();
        while (rows.next()) {
            byte[] checksum = rows.getBytes(4);
            entries.add(new AppliedEntry(AppliedEntry.Kind.MIGRATION, rows.getString(1), rows.getString(2), "", rows.getBoolean(3),
                    checksum == null ? null : HexFormat.of().formatHex(checksum)));
        }
        return entries;
    }

    private static List<AppliedEntry> versions(ResultSet rows) throws SQLException {
        List<AppliedEntry> entries = new ArrayList<>();
        while (rows.next()) {
            entries.add(migration(rows.getString(1), true));
        }
        return entries;
    }

    private static AppliedEntry migration(String version, boolean success) {
        return new AppliedEntry(AppliedEntry.Kind.MIGRATION, version, "", "", success, null);
    }
}
