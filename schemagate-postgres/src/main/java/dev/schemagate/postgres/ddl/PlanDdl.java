package dev.schemagate.postgres.ddl;

import dev.schemagate.model.Column;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.Enablement;
import dev.schemagate.model.Identity;
import dev.schemagate.model.Policy;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Schema;
import dev.schemagate.model.SchemaObject;
import dev.schemagate.model.SequenceOptions;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;
import dev.schemagate.model.View;
import dev.schemagate.model.dialect.Cast;
import dev.schemagate.model.dialect.PublishedTable;

import java.util.List;
import java.util.Set;

/**
 * The schema writer's pieces, for a migration plan: the same CREATE statements the writer uses for
 * a whole snapshot, written here for only the objects a plan creates, each statement with the object
 * or part it creates, so the plan can order them, and its ALTERs, by the target's dependencies.
 */
public final class PlanDdl {

    private PlanDdl() {
    }

    /** Schemas, extensions, collations, types, routines that need no relation, casts, domain constraints and sequences. */
    public static List<Created> typesAndSequences(Snapshot created) {
        Script script = new Script();
        for (Schema schema : created.schemas()) {
            script.add("CREATE SCHEMA " + Sql.ident(schema.name()));
        }
        TypeDdl.extensionsAndCollations(created, script);
        ForeignDdl.wrappersAndServers(created, script);
        TypeDdl.types(created, script);
        ProgramDdl.earlyRoutines(created, script);
        DatabaseObjectDdl.casts(created, script);
        TypeDdl.domainConstraints(created, script);
        TypeDdl.sequences(created, script);
        return script.created();
    }

    /**
     * The statements that create tables, in two parts: first the tables with their own keys and
     * indexes; then what refers to other tables (foreign keys, index attachments to a parent's
     * index), which a plan runs once the tables it alters have their new keys and indexes.
     */
    public record Tables(List<Created> own, List<Created> references) {
    }

    /** The tables of {@code created} with their constraints and indexes; parents and types are looked up in {@code target}. */
    public static Tables tables(Snapshot target, Snapshot created) {
        Script script = new Script();
        TableDdl tables = new TableDdl(target, created.tables());
        tables.tables(script);
        tables.constraintsAndIndexes(script);
        Set<String> references = Set.of(TableDdl.FOREIGN_KEYS, TableDdl.INDEX_PARTITIONS);
        return new Tables(script.created(references, false), script.created(references, true));
    }

    /**
     * Views and the routines that read relations, in dependency order, then triggers, row-level security,
     * extended statistics and publications.
     */
    public static List<Created> programs(Snapshot created) {
        Script script = new Script();
        ProgramDdl.viewsAndLateRoutines(created, script);
        ProgramDdl.triggers(created, script);
        ProgramDdl.rowSecurity(created, script);
        DatabaseObjectDdl.statistics(created, script);
        DatabaseObjectDdl.publications(created, script);
        return script.created();
    }

    /** {@code ONLY s.t (a, b) WHERE (a > 0)}: one table as a publication names it. */
    public static String publishedTable(PublishedTable table) {
        return DatabaseObjectDdl.publishedTable(table);
    }

    /** {@code OPTIONS (SET k 'v', ADD k 'v', DROP k)}, with a leading space, turning one option list into another; empty for none. */
    public static String optionChanges(List<String> before, List<String> after) {
        return ForeignDdl.optionChanges(before, after);
    }

    /** {@code CREATE CAST ...}, without its comment. */
    public static String createCast(Cast cast) {
        return DatabaseObjectDdl.createCast(cast);
    }

    /** {@code CREATE OR REPLACE VIEW}: a view whose query changed but keeps its columns, new ones only at the end. */
    public static String replaceView(View view) {
        return ProgramDdl.createView(view).replaceFirst("^CREATE VIEW ", "CREATE OR REPLACE VIEW ");
    }

    /** Comments, owners and privileges that differ between {@code before} and {@code after}. */
    public static List<String> access(Snapshot before, Snapshot after) {
        Script script = new Script();
        new AccessDdl(after).changes(new AccessDdl(before), script);
        return script.statements();
    }

    public static List<String> eventTriggers(Snapshot created) {
        Script script = new Script();
        ProgramDdl.eventTriggers(created, script);
        return script.statements();
    }

    /** A column as CREATE TABLE and ADD COLUMN write it. */
    public static String columnDefinition(String schema, Column column) {
        return TableDdl.columnDefinition(schema, column);
    }

    /** {@code GENERATED ... AS IDENTITY (...)}, with a leading space. */
    public static String identity(String schema, Identity identity) {
        return TableDdl.identity(schema, identity);
    }

    /** Statistics targets, storage, attribute options and compression of the columns, as ALTERs. */
    public static List<String> columnSettings(String alter, List<Column> columns) {
        Script script = new Script();
        TableDdl.columnSettings(null, alter, columns, script);
        return script.statements();
    }

    /** {@code ADD CONSTRAINT name definition}, with a leading space. */
    public static String addConstraint(Constraint constraint) {
        return TableDdl.addConstraint(constraint);
    }

    public static String createPolicy(Table table, Policy policy) {
        return ProgramDdl.createPolicy(table, policy);
    }

    /** {@code ENABLE}, {@code DISABLE}, {@code ENABLE REPLICA} or {@code ENABLE ALWAYS}. */
    public static String enable(Enablement enablement) {
        return ProgramDdl.enable(enablement);
    }

    public static String sequenceOptions(SequenceOptions options) {
        return TypeDdl.sequenceOptions(options);
    }

    /** The names of the types a user-defined type is built from (a domain's base type, a composite's attributes). */
    public static List<String> usedTypes(SchemaObject type) {
        return TypeDdl.usedTypes(type);
    }

    /** The name of the type a type string uses: {@code public.money(10,2)[]} gives {@code public.money}. */
    public static String typeName(String type) {
        return TypeDdl.withoutModifiers(type);
    }

    public static String ident(String name) {
        return Sql.ident(name);
    }

    public static String name(QualifiedName name) {
        return Sql.name(name);
    }

    public static String name(SchemaObject object) {
        return Sql.name(object);
    }

    public static String sibling(SchemaObject object, String name) {
        return Sql.sibling(object, name);
    }

    public static String literal(String text) {
        return Sql.literal(text);
    }

    /** Orders items after what they depend on, keeping the given order where it can. */
    public static <T, K> List<T> dependencyOrder(List<T> items, java.util.function.Function<T, K> key,
                                                 java.util.function.Function<T, java.util.Collection<K>> dependencies) {
        return DependencyOrder.sort(items, key, dependencies);
    }
}
