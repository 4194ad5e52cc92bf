package dev.schemagate.applied;

import dev.schemagate.migration.InputException;
import dev.schemagate.migration.Layout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Finds an environment's history table: every table named as a tool names its own (and as
 * {@code flyway.table} or the environment's {@code historyTable} says), told apart by its columns;
 * when several fit, the one of the folder's tool, in the schema Flyway is told to use or the
 * connection's current schema. More than one left is an input error asking the user to choose.
 */
public final class HistoryTables {

    /** The columns of the tables named as the placeholders say, in standard SQL (no catalog schema holds a history table). */
    private static final String COLUMNS = """
            SELECT table_schema, table_name, lower(column_name) FROM information_schema.columns
             WHERE lower(table_name) IN (%s) AND table_schema <> 'information_schema'
             ORDER BY 1, 2""";

    private HistoryTables() {
    }

    /**
     * What the environment should be read with.
     *
     * @param tool          the tool the config names, or empty to detect it
     * @param table         {@code schema.name} or {@code name} of the table the config names, or empty
     * @param layout        the layout of the migrations folder
     * @param flywayTable   {@code flyway.table}
     * @param flywaySchema  {@code flyway.defaultSchema} (or the first of {@code flyway.schemas}); empty for
     *                      the connection's current schema, which is Flyway's default
     */
    public record Wanted(Optional<HistoryTool> tool, Optional<String> table, Layout layout, String flywayTable,
                         String flywaySchema) {
    }

    /** The history table of the database, or empty when it has none. */
    public static Optional<HistoryTable> find(Connection connection, Wanted wanted, String environment) throws SQLException {
        Map<List<String>, Set<String>> tables = new LinkedHashMap<>();
        Set<String> names = new TreeSet<>();
        wanted.table().ifPresentOrElse(table -> names.add(table.substring(table.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)),
                () -> {
                    for (HistoryTool tool : HistoryTool.values()) {
                        tool.tables().forEach(names::add);
                    }
                    names.add(wanted.flywayTable().toLowerCase(Locale.ROOT));
                });
        List<String> asked = List.copyOf(names);
        try (PreparedStatement statement = connection.prepareStatement(
                COLUMNS.formatted(String.join(", ", Collections.nCopies(asked.size(), "?"))))) {
            for (int i = 0; i < asked.size(); i++) {
                statement.setString(i + 1, asked.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.computeIfAbsent(List.of(rows.getString(1), rows.getString(2)), key -> new TreeSet<>()).add(rows.getString(3));
                }
            }
        }
        List<HistoryTable> candidates = new ArrayList<>();
        for (Map.Entry<List<String>, Set<String>> table : tables.entrySet()) {
            List<String> key = table.getKey();
            Set<String> columns = table.getValue();
            for (HistoryTool tool : HistoryTool.values()) {
                boolean named = wanted.table().isPresent() || tool.tables().contains(key.get(1).toLowerCase(Locale.ROOT))
                        || tool == HistoryTool.FLYWAY && key.get(1).equalsIgnoreCase(wanted.flywayTable());
                if (named && tool.fits(columns) && wanted.tool().map(tool::equals).orElse(true)
                        && wanted.table().map(t -> !t.contains(".") || t.substring(0, t.lastIndexOf('.')).equals(key.get(0))).orElse(true)) {
                    candidates.add(new HistoryTable(tool, key.get(0), key.get(1)));
                    break;
                }
            }
        }
        if (candidates.size() > 1) {
            candidates = narrowed(candidates, c -> layoutTools(wanted.layout()).contains(c.tool()));
        }
        if (candidates.size() > 1) {
            String current = currentSchema(connection);
            candidates = narrowed(candidates, c -> c.schema().equals(c.tool() == HistoryTool.FLYWAY && !wanted.flywaySchema().isEmpty()
                    ? wanted.flywaySchema() : current));
        }
        if (candidates.size() > 1) {
            throw new InputException(environment + ": several history tables fit ("
                    + candidates.stream().map(c -> c.qualifiedName() + " of " + c.tool().displayName()).collect(Collectors.joining(", "))
                    + "); name one in schemagate.yml: environments." + environment + ".history: <tool> and historyTable: <schema.table>");
        }
        if (candidates.isEmpty() && (wanted.tool().isPresent() || wanted.table().isPresent())) {
            throw new InputException(environment + ": no " + wanted.tool().map(HistoryTool::displayName).orElse("")
                    + " history table " + wanted.table().orElse("") + " in the database; fix environments." + environment
                    + ".history/historyTable in schemagate.yml, or write history: none to compare with the folder's end");
        }
        return candidates.stream().findFirst();
    }

    private static List<HistoryTable> narrowed(List<HistoryTable> candidates, Predicate<HistoryTable> preferred) {
        List<HistoryTable> kept = candidates.stream().filter(preferred).toList();
        return kept.isEmpty() ? candidates : kept;
    }

    private static String currentSchema(Connection connection) throws SQLException {
        try (var statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT current_schema()")) {
            return row.next() ? row.getString(1) : "";
        }
    }

    /** The tools that run a folder of this layout. */
    private static Set<HistoryTool> layoutTools(Layout layout) {
        return switch (layout) {
            case FLYWAY -> Set.of(HistoryTool.FLYWAY);
            case GOLANG_MIGRATE -> Set.of(HistoryTool.GOLANG_MIGRATE, HistoryTool.POPX);
            case DBMATE -> Set.of(HistoryTool.DBMATE);
            case GOOSE -> Set.of(HistoryTool.GOOSE);
            case LIQUIBASE -> Set.of(HistoryTool.LIQUIBASE);
            case DIESEL -> Set.of(HistoryTool.DIESEL);
            case SQLX -> Set.of(HistoryTool.SQLX);
            default -> Set.of();
        };
    }
}
