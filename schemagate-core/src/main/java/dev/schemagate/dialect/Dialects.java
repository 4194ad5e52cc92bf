package dev.schemagate.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the dialects on the class path. */
public final class Dialects {

    private Dialects() {
    }

    /** All dialects found, in class path order. */
    public static List<Dialect> all() {
        List<Dialect> found = new ArrayList<>();
        ServiceLoader.load(Dialect.class).forEach(found::add);
        return found;
    }

    /** The dialect with that id or file-name alias. */
    public static Dialect byId(String id) {
        List<Dialect> all = all();
        for (Dialect dialect : all) {
            if (dialect.id().equalsIgnoreCase(id) || dialect.fileNameAliases().contains(id.toLowerCase())) {
                return dialect;
            }
        }
        List<String> ids = all.stream().map(Dialect::id).toList();
        throw new IllegalArgumentException("no dialect '" + id + "' (available: " + String.join(", ", ids) + ")");
    }
}
