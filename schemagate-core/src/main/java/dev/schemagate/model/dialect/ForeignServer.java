package dev.schemagate.model.dialect;

import dev.schemagate.model.Canonical;

import java.util.List;

/**
 * A foreign server ({@code CREATE SERVER}): where a foreign-data wrapper reaches, and how.
 *
 * @param wrapper the foreign-data wrapper it uses
 * @param type    its {@code TYPE}, or null
 * @param version its {@code VERSION}, or null
 * @param options its options as {@code key=value}, sorted
 */
public record ForeignServer(String name, String wrapper, String type, String version, List<String> options,
                            String owner, String comment) {

    public ForeignServer {
        options = Canonical.sorted(options, String::compareTo);
    }
}
