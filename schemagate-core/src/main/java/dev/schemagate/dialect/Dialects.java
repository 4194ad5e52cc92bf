package dev.schemagate.dialect;

import dev.schemagate.migration.DialectNames;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

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

    /**
     * The names a dialect's files carry, and the names of every other dialect (those migration
     * tools know and those on the class path), whose files its runs leave alone.
     */
    public static DialectNames names(Dialect dialect) {
        Set<String> others = new LinkedHashSet<>(DialectNames.KNOWN);
        all().forEach(other -> others.addAll(other.fileNameAliases()));
        Vocabulary words = dialect.vocabulary();
        return new DialectNames(dialect.fileNameAliases(), others, words.scratchUser(), words.scratchDatabase());
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
