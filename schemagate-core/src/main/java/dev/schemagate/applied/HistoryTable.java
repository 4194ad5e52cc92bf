package dev.schemagate.applied;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table in which a migration tool records what it applied to a database.
 *
 * @param tool   the tool that writes it
 * @param schema the schema that holds it
 * @param name   its name, as the catalog spells it
 */
public record HistoryTable(HistoryTool tool, String schema, String name) {

    /** {@code schema.name}, as people write it. */
    public String qualifiedName() {
        return schema + "." + name;
    }

    /**
     * The objects the tool keeps beside its migrations, which no migration creates: the table, its
     * {@code id} sequence (goose), and Liquibase's lock table.
     */
    public List<String> bookkeeping() {
        List<String> names = new ArrayList<>(List.of(qualifiedName(), qualifiedName() + "_id_seq"));
        if (tool == HistoryTool.LIQUIBASE) {
            names.add(schema + "." + (name.equals(name.toUpperCase(Locale.ROOT)) ? "DATABASECHANGELOGLOCK" : "databasechangeloglock"));
        }
        return names;
    }

    /** {@code "schema"."name"}, for SQL. */
    String sql() {
        return quote(schema) + "." + quote(name);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
