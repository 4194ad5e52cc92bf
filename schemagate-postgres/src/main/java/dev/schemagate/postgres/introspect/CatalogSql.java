package dev.schemagate.postgres.introspect;

import dev.schemagate.postgres.SqlResource;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalog queries, one resource file per object kind. A file marks what depends on the server
 * version as {@code {{pg15: expression for 15 and later | expression before 15}}}; such marks nest.
 */
final class CatalogSql {

    private static final Map<String, String> RESOLVED = new ConcurrentHashMap<>();
    private static final Pattern VARIANT = Pattern.compile("\\{\\{pg(\\d+): ([^{}]*?) \\| ([^{}]*?)}}");

    private CatalogSql() {
    }

    /** The query for one kind of object, as the server of that major version needs it; read once per JVM. */
    static String load(String kind, int majorVersion) {
        return RESOLVED.computeIfAbsent(kind + "@" + majorVersion, key -> read(kind, majorVersion));
    }

    private static String read(String kind, int majorVersion) {
        return forVersion(SqlResource.read(CatalogSql.class, kind + ".sql"), majorVersion);
    }

    static String forVersion(String sql, int majorVersion) {
        String resolved = sql;
        Matcher variant = VARIANT.matcher(resolved);
        while (variant.find()) {
            boolean newer = majorVersion >= Integer.parseInt(variant.group(1));
            resolved = resolved.substring(0, variant.start()) + (newer ? variant.group(2) : variant.group(3))
                    + resolved.substring(variant.end());
            variant = VARIANT.matcher(resolved);
        }
        return resolved;
    }
}
