package dev.schemagate.data;

import dev.schemagate.model.QualifiedName;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows one table held at one moment, each row a column-to-text map in the database's own text
 * rendering (null for SQL NULL), so that two captures can be compared without knowing the types.
 *
 * @param columns   the table's columns, in position order
 * @param rows      the captured rows, in no particular order; at most the capture's limit
 * @param totalRows how many rows the table held; more than {@code rows.size()} when the capture was capped
 */
public record TableRows(QualifiedName table, List<String> columns, List<Map<String, String>> rows, long totalRows) {

    public TableRows {
        columns = List.copyOf(columns);
        rows = rows.stream().map(row -> Collections.unmodifiableMap(new LinkedHashMap<>(row))).toList();
    }

    /** The capture holds fewer rows than the table did: only the row counts can be compared. */
    public boolean truncated() {
        return rows.size() < totalRows;
    }
}
