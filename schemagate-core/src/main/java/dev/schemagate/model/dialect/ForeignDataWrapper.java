package dev.schemagate.model.dialect;

import dev.schemagate.model.Canonical;

import java.util.List;

/**
 * A foreign-data wrapper created on its own ({@code CREATE FOREIGN DATA WRAPPER}); those an extension
 * brings ({@code postgres_fdw}) are the extension's.
 *
 * @param handler   the handler function, schema-qualified, or null for none
 * @param validator the validator function, schema-qualified, or null for none
 * @param options   its options as {@code key=value}, sorted
 */
public record ForeignDataWrapper(String name, String handler, String validator, List<String> options, String owner,
                                 String comment) {

    public ForeignDataWrapper {
        options = Canonical.sorted(options, String::compareTo);
    }
}
