package dev.schemagate.dialect;

import dev.schemagate.migration.DialectNames;
import dev.schemagate.migration.SpringVendors;

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
        return new DialectNames(dialect.fileNameAliases(), others, words.scratchUser(), words.scratchDatabase(),
                words.scratchSchema());
    }

    /**
     * What {@code {vendor}} in a Spring Boot project's Flyway locations may stand for on a run: the
     * vendor ids of the one dialect the run names ({@code option}, else the dialect of {@code url}),
     * and those of every dialect, the fallback's first.
     *
     * @param option the {@code --dialect} value (several, comma separated, name none in particular), or null
     * @param url    the {@code --db-url}, or null
     */
    public static SpringVendors springVendors(String option, String url) {
        List<Dialect> all = all();
        List<String> named = List.of();
        if (option != null && !option.isBlank() && !option.contains(",")) {
            named = byId(option.strip()).vendorIds();
        } else if (url != null) {
            named = all.stream().filter(d -> d.acceptsUrl(url)).findFirst().map(Dialect::vendorIds).orElse(List.of());
        }
        List<String> known = new ArrayList<>();
        all.stream().filter(Dialect::fallback).forEach(d -> known.addAll(d.vendorIds()));
        all.stream().filter(d -> !d.fallback()).forEach(d -> known.addAll(d.vendorIds()));
        return new SpringVendors(named, known);
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
