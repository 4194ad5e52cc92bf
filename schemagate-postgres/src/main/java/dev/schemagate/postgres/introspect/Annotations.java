package dev.schemagate.postgres.introspect;

import dev.schemagate.model.Grant;
import dev.schemagate.model.Privileges;
import dev.schemagate.model.SnapshotOptions;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What is attached to objects rather than part of them: comments, privileges and owners, read in one
 * query each and handed out by catalog, oid and column position. Owners and privileges are dropped
 * when the options leave them out.
 */
final class Annotations {

    /** Where an annotation belongs: a catalog's row, and a column of it for relations. */
    private record Key(String catalog, long oid, int position) {
    }

    private final SnapshotOptions options;
    private final Map<Key, String> comments = new HashMap<>();
    private final Map<Key, List<Grant>> granted = new HashMap<>();
    private final Map<Key, List<Grant>> revoked = new HashMap<>();

    private Annotations(SnapshotOptions options) {
        this.options = options;
    }

    static Annotations read(Catalog catalog, SnapshotOptions options) throws SQLException {
        Annotations annotations = new Annotations(options);
        catalog.query("comments", row -> annotations.comments.put(
                new Key(row.text("catalog"), row.oid("oid"), row.integer("position")), row.text("comment")));
        if (options.privileges()) {
            catalog.query("privileges", row -> {
                Key key = new Key(row.text("catalog"), row.oid("oid"), row.integer("position"));
                Grant grant = new Grant(row.text("grantee"), row.text("privilege"), row.bool("grantable"));
                (row.bool("revoked") ? annotations.revoked : annotations.granted)
                        .computeIfAbsent(key, k -> new ArrayList<>()).add(grant);
            });
        }
        return annotations;
    }

    String comment(String catalog, long oid) {
        return comment(catalog, oid, 0);
    }

    String comment(String catalog, long oid, int position) {
        return comments.get(new Key(catalog, oid, position));
    }

    Privileges privileges(String catalog, long oid) {
        return privileges(catalog, oid, 0);
    }

    Privileges privileges(String catalog, long oid, int position) {
        Key key = new Key(catalog, oid, position);
        List<Grant> plus = granted.get(key);
        List<Grant> minus = revoked.get(key);
        return plus == null && minus == null ? Privileges.NONE : new Privileges(plus, minus);
    }

    /** The owner's name, or null when owners are not recorded. */
    String owner(String owner) {
        return options.owners() ? owner : null;
    }
}
