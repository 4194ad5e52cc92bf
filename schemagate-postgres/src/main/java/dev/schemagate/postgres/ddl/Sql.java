package dev.schemagate.postgres.ddl;

import dev.schemagate.model.Grant;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.SchemaObject;

import java.util.Set;
import java.util.regex.Pattern;

/** Quoting of identifiers and literals the way PostgreSQL's {@code quote_ident} and {@code quote_literal} do. */
final class Sql {

    /** Keywords that cannot stand unquoted as a name: reserved, type/function-name and column-name keywords. */
    private static final Set<String> KEYWORDS = Set.of(("all analyse analyze and any array as asc asymmetric both case "
            + "cast check collate column constraint create current_catalog current_date current_role current_time "
            + "current_timestamp current_user default deferrable desc distinct do else end except false fetch for "
            + "foreign from grant group having in initially intersect into lateral leading limit localtime "
            + "localtimestamp not null offset on only or order placing primary references returning select "
            + "session_user some symmetric system_user table then to trailing true union unique user using variadic "
            + "when where window with authorization binary collation concurrently cross current_schema freeze full "
            + "ilike inner is isnull join left like natural notnull outer overlaps right similar tablesample verbose "
            + "between bigint bit boolean char character coalesce dec decimal exists extract float greatest grouping "
            + "inout int integer interval json json_array json_arrayagg json_exists json_object json_objectagg "
            + "json_query json_scalar json_serialize json_table json_value least merge_action national nchar none "
            + "normalize nullif numeric out overlay position precision real row setof smallint substring time "
            + "timestamp treat trim values varchar xmlattributes xmlconcat xmlelement xmlexists xmlforest "
            + "xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable").split(" "));

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    private Sql() {
    }

    static String ident(String name) {
        if (PLAIN.matcher(name).matches() && !KEYWORDS.contains(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String name(QualifiedName name) {
        return ident(name.schema()) + "." + ident(name.name());
    }

    static String name(SchemaObject object) {
        return name(object.qualifiedName());
    }

    /** A name in the schema of another object, as for an index or an identity sequence. */
    static String sibling(SchemaObject object, String name) {
        return ident(object.schema()) + "." + ident(name);
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** A role name as GRANT and CREATE POLICY take it: PUBLIC is a keyword there. */
    static String role(String role) {
        return role.equals(Grant.PUBLIC) ? role : ident(role);
    }
}
