package dev.schemagate.postgres.ddl;

import dev.schemagate.model.Snapshot;
import dev.schemagate.model.dialect.ForeignDataWrapper;
import dev.schemagate.model.dialect.ForeignServer;

import java.util.List;
import java.util.stream.Collectors;

/** Writes foreign-data wrappers and foreign servers, a server after its wrapper. */
final class ForeignDdl {

    private ForeignDdl() {
    }

    static void wrappersAndServers(Snapshot snapshot, Script script) {
        script.section("Foreign-data wrappers and servers");
        for (ForeignDataWrapper wrapper : snapshot.postgres().foreignDataWrappers()) {
            script.add("CREATE FOREIGN DATA WRAPPER " + Sql.ident(wrapper.name())
                    + (wrapper.handler() == null ? "" : " HANDLER " + wrapper.handler())
                    + (wrapper.validator() == null ? "" : " VALIDATOR " + wrapper.validator())
                    + options(wrapper.options()), DependencyGraph.ref(wrapper));
        }
        for (ForeignServer server : snapshot.postgres().foreignServers()) {
            script.add("CREATE SERVER " + Sql.ident(server.name())
                    + (server.type() == null ? "" : " TYPE " + Sql.literal(server.type()))
                    + (server.version() == null ? "" : " VERSION " + Sql.literal(server.version()))
                    + " FOREIGN DATA WRAPPER " + Sql.ident(server.wrapper()) + options(server.options()),
                    DependencyGraph.ref(server));
        }
    }

    /** {@code OPTIONS (host 'db', port '5432')}, with a leading space; empty for none. */
    static String options(List<String> options) {
        return options.isEmpty() ? "" : options.stream().map(ForeignDdl::option)
                .collect(Collectors.joining(", ", " OPTIONS (", ")"));
    }

    /** {@code host 'db'} for the option {@code host=db}. */
    static String option(String option) {
        int equals = option.indexOf('=');
        return Sql.ident(option.substring(0, equals)) + " " + Sql.literal(option.substring(equals + 1));
    }

    /**
     * {@code OPTIONS (SET port '5433', ADD dbname 'app', DROP sslmode)}, with a leading space: what turns
     * the options {@code before} into {@code after}; empty when they are the same.
     */
    static String optionChanges(List<String> before, List<String> after) {
        List<String> changes = new java.util.ArrayList<>();
        for (String option : after) {
            String key = option.substring(0, option.indexOf('='));
            if (!before.contains(option)) {
                changes.add((before.stream().anyMatch(o -> o.startsWith(key + "=")) ? "SET " : "ADD ") + option(option));
            }
        }
        for (String option : before) {
            String key = option.substring(0, option.indexOf('='));
            if (after.stream().noneMatch(o -> o.startsWith(key + "="))) {
                changes.add("DROP " + Sql.ident(key));
            }
        }
        return changes.isEmpty() ? "" : String.join(", ", changes).transform(c -> " OPTIONS (" + c + ")");
    }
}
