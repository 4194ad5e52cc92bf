package dev.schemagate.postgres.introspect;

import dev.schemagate.postgres.SqlResource;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalog queries, one resource file per object kind. A file marks what depends on the server
 * version as {@code {{pg15: expression for 15 and later | expression before 15}}}; such marks nest. A
 * file marks what limits it to some relations as {@code {{scoped: AND c.oid = ANY (@scope)}}}: left
 * out of the whole read, and in a scoped read {@code @scope} stands for the relations' oids, which the
 * transaction's setting {@code schemagate.scope} holds. What only the whole read has is marked
 * {@code {{whole: ...}}}: a query whose best plan differs between a few relations and all of them.
 */
final class CatalogSql {

    private static final Map<String, String> RESOLVED = new ConcurrentHashMap<>();
    private static final Pattern VARIANT = Pattern.compile("\\{\\{pg(\\d+): ([^{}]*?) \\| ([^{}]*?)}}");
    private static final Pattern SCOPED = Pattern.compile("\\{\\{scoped:\\s([^{}]*?)}}", Pattern.DOTALL);
    private static final Pattern WHOLE = Pattern.compile("\\{\\{whole:\\s([^{}]*?)}}", Pattern.DOTALL);
    /** The oids a scoped read is limited to, as its SQL reads them: a subquery, so the setting is read once a query. */
    static final String SCOPE = "CAST((SELECT CAST(current_setting('schemagate.scope') AS oid[])) AS oid[])";

    private CatalogSql() {
    }

    /** The query for one kind of object, as the server of that major version needs it; read once per JVM. */
    static String load(String kind, int majorVersion) {
        return load(kind, majorVersion, false);
    }

    /** The query for one kind of object, limited to the relations of the scope when {@code scoped}. */
    static String load(String kind, int majorVersion, boolean scoped) {
        return RESOLVED.computeIfAbsent(kind + "@" + majorVersion + (scoped ? "/scoped" : ""),
                key -> scoped(read(kind, majorVersion), scoped));
    }

    static String scoped(String sql, boolean scoped) {
        String only = WHOLE.matcher(sql).replaceAll(mark -> scoped ? "" : Matcher.quoteReplacement(mark.group(1)));
        return SCOPED.matcher(only).replaceAll(mark -> scoped
                ? Matcher.quoteReplacement(mark.group(1).replace("@scope", SCOPE)) : "");
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
