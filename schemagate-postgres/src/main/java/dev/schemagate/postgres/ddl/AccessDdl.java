package dev.schemagate.postgres.ddl;

import dev.schemagate.model.Column;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.Domain;
import dev.schemagate.model.DomainConstraint;
import dev.schemagate.model.Extension;
import dev.schemagate.model.Grant;
import dev.schemagate.model.Index;
import dev.schemagate.model.Policy;
import dev.schemagate.model.Privileges;
import dev.schemagate.model.Routine;
import dev.schemagate.model.Schema;
import dev.schemagate.model.SchemaObject;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;
import dev.schemagate.model.Trigger;
import dev.schemagate.model.View;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Writes comments, owners and privileges: what is said about objects once they all exist. */
final class AccessDdl {

    /**
     * One object as COMMENT ON, ALTER ... OWNER TO and GRANT name it.
     *
     * @param what       the object as COMMENT ON names it: {@code TABLE public.t}
     * @param grantTarget the object as GRANT names it, or null where GRANT does not apply
     * @param columns    for a column, its name in parentheses after the privilege, else empty
     */
    private record Entry(String what, String grantTarget, String columns, String comment, String owner,
                         Privileges privileges) {
    }

    private final List<Entry> entries = new ArrayList<>();

    AccessDdl(Snapshot snapshot) {
        for (Schema schema : snapshot.schemas()) {
            String name = "SCHEMA " + Sql.ident(schema.name());
            entries.add(new Entry(name, name, "", schema.comment(), schema.owner(), schema.privileges()));
        }
        for (Extension extension : snapshot.postgres().extensions()) {
            entry("EXTENSION " + Sql.ident(extension.name()), extension.comment());
        }
        snapshot.postgres().collations().forEach(c -> entries.add(new Entry("COLLATION " + Sql.name(c), null, "", c.comment(),
                c.owner(), Privileges.NONE)));
        snapshot.postgres().enums().forEach(t -> object("TYPE", t, t.comment(), t.owner(), t.privileges()));
        snapshot.postgres().compositeTypes().forEach(t -> object("TYPE", t, t.comment(), t.owner(), t.privileges()));
        snapshot.postgres().rangeTypes().forEach(t -> object("TYPE", t, t.comment(), t.owner(), t.privileges()));
        for (Domain domain : snapshot.postgres().domains()) {
            object("DOMAIN", domain, domain.comment(), domain.owner(), domain.privileges());
            for (DomainConstraint constraint : domain.constraints()) {
                entry("CONSTRAINT " + Sql.ident(constraint.name()) + " ON DOMAIN " + Sql.name(domain),
                        constraint.comment());
            }
        }
        // a sequence OWNED BY a column changes owner with its table
        snapshot.sequences().forEach(s -> object("SEQUENCE", s, s.comment(), s.postgres().ownedBy() == null ? s.owner() : null,
                s.privileges()));
        snapshot.tables().forEach(this::table);
        snapshot.views().forEach(this::view);
        for (Routine routine : snapshot.routines()) {
            String what = (routine.kind() == Routine.Kind.PROCEDURE ? "PROCEDURE " : "FUNCTION ")
                    + Sql.name(routine) + "(" + routine.identityArguments() + ")";
            entries.add(new Entry(what, what, "", routine.comment(), routine.owner(), routine.privileges()));
        }
        snapshot.postgres().casts().forEach(cast -> entry("CAST " + cast.signature(), cast.comment()));
        snapshot.postgres().statistics().forEach(s -> entries.add(new Entry("STATISTICS " + Sql.name(s), null, "",
                s.comment(), s.owner(), Privileges.NONE)));
        snapshot.postgres().foreignDataWrappers().forEach(w -> entries.add(new Entry("FOREIGN DATA WRAPPER "
                + Sql.ident(w.name()), null, "", w.comment(), w.owner(), Privileges.NONE)));
        snapshot.postgres().foreignServers().forEach(s -> entries.add(new Entry("SERVER " + Sql.ident(s.name()), null, "",
                s.comment(), s.owner(), Privileges.NONE)));
        snapshot.postgres().publications().forEach(p -> entries.add(new Entry("PUBLICATION " + Sql.ident(p.name()), null,
                "", p.comment(), p.owner(), Privileges.NONE)));
    }

    private void table(Table table) {
        object("TABLE", table, table.comment(), table.owner(), table.privileges());
        String on = " ON " + Sql.name(table);
        columns(table, table.columns());
        for (Constraint constraint : table.constraints()) {
            entry("CONSTRAINT " + Sql.ident(constraint.name()) + on, constraint.comment());
        }
        indexes(table, table.indexes());
        for (Trigger trigger : table.triggers()) {
            entry("TRIGGER " + Sql.ident(trigger.name()) + on, trigger.comment());
        }
        for (Policy policy : table.postgres().policies()) {
            entry("POLICY " + Sql.ident(policy.name()) + on, policy.comment());
        }
    }

    private void view(View view) {
        String what = (view.materialized() ? "MATERIALIZED VIEW " : "VIEW ") + Sql.name(view);
        entries.add(new Entry(what, "TABLE " + Sql.name(view), "", view.comment(), view.owner(), view.privileges()));
        columns(view, view.columns());
        indexes(view, view.indexes());
        for (Trigger trigger : view.triggers()) {
            entry("TRIGGER " + Sql.ident(trigger.name()) + " ON " + Sql.name(view), trigger.comment());
        }
    }

    private void columns(SchemaObject relation, List<Column> columns) {
        for (Column column : columns) {
            entries.add(new Entry("COLUMN " + Sql.name(relation) + "." + Sql.ident(column.name()),
                    "TABLE " + Sql.name(relation), " (" + Sql.ident(column.name()) + ")", column.comment(), null,
                    column.privileges()));
        }
    }

    private void indexes(SchemaObject relation, List<Index> indexes) {
        for (Index index : indexes) {
            entry("INDEX " + Sql.sibling(relation, index.name()), index.comment());
        }
    }

    private void object(String kind, SchemaObject object, String comment, String owner, Privileges privileges) {
        String what = kind + " " + Sql.name(object);
        entries.add(new Entry(what, what, "", comment, owner, privileges));
    }

    private void entry(String what, String comment) {
        entries.add(new Entry(what, null, "", comment, null, Privileges.NONE));
    }

    void comments(Script script) {
        script.section("Comments");
        for (Entry entry : entries) {
            if (entry.comment() != null) {
                script.add("COMMENT ON " + entry.what() + " IS " + Sql.literal(entry.comment()));
            } else if (entry.what().equals("SCHEMA public")) {
                script.add("COMMENT ON SCHEMA public IS NULL");
            }
        }
    }

    void owners(Script script) {
        script.section("Owners");
        for (Entry entry : entries) {
            if (entry.owner() != null) {
                script.add("ALTER " + entry.what() + " OWNER TO " + Sql.ident(entry.owner()));
            }
        }
    }

    void privileges(Script script) {
        script.section("Privileges");
        for (Entry entry : entries) {
            if (entry.grantTarget() == null || entry.privileges().defaults()) {
                continue;
            }
            if (entry.what().equals("SCHEMA public")) {
                script.add("REVOKE ALL ON SCHEMA public FROM PUBLIC");
            }
            for (Grant revoked : entry.privileges().revoked()) {
                script.add("REVOKE " + revoked.privilege() + entry.columns() + " ON " + entry.grantTarget() + " FROM "
                        + Sql.role(revoked.grantee()));
            }
            for (Grant granted : entry.privileges().granted()) {
                script.add("GRANT " + granted.privilege() + entry.columns() + " ON " + entry.grantTarget() + " TO "
                        + Sql.role(granted.grantee()) + (granted.grantable() ? " WITH GRANT OPTION" : ""));
            }
        }
    }

    /**
     * What to say so that the objects {@code before} describes (the database as it stands) have
     * this one's comments, owners and privileges; an object {@code before} does not list is taken as
     * just created: no comment, and its kind's default privileges.
     */
    void changes(AccessDdl before, Script script) {
        Map<String, Entry> old = new HashMap<>();
        before.entries.forEach(entry -> old.put(entry.what(), entry));
        script.section("Comments, owners and privileges");
        for (Entry entry : entries) {
            Entry was = old.getOrDefault(entry.what(), new Entry(entry.what(), entry.grantTarget(), entry.columns(),
                    null, null, Privileges.NONE));
            if (!Objects.equals(was.comment(), entry.comment())) {
                script.add("COMMENT ON " + entry.what() + " IS "
                        + (entry.comment() == null ? "NULL" : Sql.literal(entry.comment())));
            }
            if (entry.owner() != null && !entry.owner().equals(was.owner())) {
                script.add("ALTER " + entry.what() + " OWNER TO " + Sql.ident(entry.owner()));
            }
            if (entry.grantTarget() != null && !entry.privileges().equals(was.privileges())) {
                privilegeChanges(was.privileges(), entry, script);
            }
        }
    }

    private static void privilegeChanges(Privileges was, Entry entry, Script script) {
        String on = entry.columns() + " ON " + entry.grantTarget();
        for (Grant grant : was.granted()) {
            if (!entry.privileges().granted().contains(grant)) {
                script.add("REVOKE " + grant.privilege() + on + " FROM " + Sql.role(grant.grantee()));
            }
        }
        for (Grant restored : was.revoked()) {
            if (!entry.privileges().revoked().contains(restored)) {
                script.add("GRANT " + restored.privilege() + on + " TO " + Sql.role(restored.grantee())
                        + (restored.grantable() ? " WITH GRANT OPTION" : ""));
            }
        }
        for (Grant revoked : entry.privileges().revoked()) {
            if (!was.revoked().contains(revoked)) {
                script.add("REVOKE " + revoked.privilege() + on + " FROM " + Sql.role(revoked.grantee()));
            }
        }
        for (Grant granted : entry.privileges().granted()) {
            if (!was.granted().contains(granted)) {
                script.add("GRANT " + granted.privilege() + on + " TO " + Sql.role(granted.grantee())
                        + (granted.grantable() ? " WITH GRANT OPTION" : ""));
            }
        }
    }
}
