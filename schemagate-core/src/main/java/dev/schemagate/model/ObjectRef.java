package dev.schemagate.model;

import java.util.Comparator;
import java.util.Locale;

/**
 * Names an object, or a part of one, on either side of a {@link Dependency}: the top-level object by
 * its kind and qualified name, and the part ({@code column code}, {@code constraint items_code_check},
 * {@code index items_code}, {@code trigger audit}, {@code policy own_rows}), if any. A routine's name
 * carries its identity arguments, as its signature does: {@code next_code(integer)}.
 *
 * @param member the part of the object, or null for the whole object
 */
public record ObjectRef(Kind kind, String schema, String name, String member) {

    /**
     * Orders by kind, schema, name, then member (the whole object first); written out, since a snapshot
     * sorts its links with it each time it is made.
     */
    public static final Comparator<ObjectRef> ORDER = (left, right) -> {
        int order = left.kind.compareTo(right.kind);
        if (order == 0) {
            order = left.schema.compareTo(right.schema);
        }
        if (order == 0) {
            order = left.name.compareTo(right.name);
        }
        if (order != 0 || left.member == null && right.member == null) {
            return order;
        }
        return left.member == null ? -1 : right.member == null ? 1 : left.member.compareTo(right.member);
    };

    /** The kinds of top-level object a dependency names; each labelled as differences label the model's records. */
    public enum Kind { COLLATION, ENUM_TYPE, DOMAIN, COMPOSITE_TYPE, RANGE_TYPE, SEQUENCE, TABLE, VIEW, ROUTINE, CAST, STATISTICS,
        PUBLICATION, FOREIGN_DATA_WRAPPER, FOREIGN_SERVER }

    public ObjectRef {
        if (kind == null || schema == null || name == null) {
            throw new IllegalArgumentException("an object reference needs a kind, a schema and a name");
        }
    }

    /** The top-level object, without the part. */
    public ObjectRef object() {
        return member == null ? this : new ObjectRef(kind, schema, name, null);
    }

    /** {@code view public.totals}, {@code routine public.next_code(integer)}: as differences name the object. */
    public String objectLabel() {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + schema + "." + name;
    }

    /** The object's label, then the part: {@code table public.items › column code}. */
    public String label() {
        return member == null ? objectLabel() : objectLabel() + " › " + member;
    }
}
