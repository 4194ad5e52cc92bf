package dev.schemagate.junit5;

import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;
import org.opentest4j.AssertionFailedError;

import java.util.List;

/**
 * Fluent assertions on a schema that read like the intent:
 * {@code assertThat(db).table("orders").hasColumn("total_cents").ofType("bigint").isNotNull()}.
 * Names without a schema are in {@code public}; {@code billing.invoices} names another schema.
 */
public final class SchemaAssertions {

    private SchemaAssertions() {
    }

    public static SchemaAssert assertThat(Snapshot schema) {
        return new SchemaAssert(schema);
    }

    /** Asserts on the database's schema as it is now. */
    public static SchemaAssert assertThat(MigrationDatabase database) {
        return new SchemaAssert(database.snapshot());
    }

    /** Assertions on a whole schema. */
    public static final class SchemaAssert {

        private final Snapshot schema;

        SchemaAssert(Snapshot schema) {
            this.schema = schema;
        }

        /** Asserts the table exists and continues with assertions on it. */
        public TableAssert table(String name) {
            QualifiedName qualified = qualified(name);
            Table table = schema.table(qualified).orElseThrow(() -> new AssertionFailedError(
                    "expected table " + qualified + " but the schema has none; its tables are " + names(schema.tables()),
                    qualified.toString(), names(schema.tables()).toString()));
            return new TableAssert(this, table);
        }

        public SchemaAssert hasTable(String name) {
            table(name);
            return this;
        }

        public SchemaAssert doesNotHaveTable(String name) {
            QualifiedName qualified = qualified(name);
            if (schema.table(qualified).isPresent()) {
                throw new AssertionFailedError("expected no table " + qualified + " but the schema has it");
            }
            return this;
        }

        public SchemaAssert hasView(String name) {
            QualifiedName qualified = qualified(name);
            if (schema.view(qualified).isEmpty()) {
                throw new AssertionFailedError("expected view " + qualified + " but the schema has none; its views are "
                        + schema.views().stream().map(v -> v.schema() + "." + v.name()).toList());
            }
            return this;
        }

        public SchemaAssert doesNotHaveView(String name) {
            QualifiedName qualified = qualified(name);
            if (schema.view(qualified).isPresent()) {
                throw new AssertionFailedError("expected no view " + qualified + " but the schema has it");
            }
            return this;
        }

        private static List<String> names(List<Table> tables) {
            return tables.stream().map(t -> t.schema() + "." + t.name()).toList();
        }

        private static QualifiedName qualified(String name) {
            int dot = name.indexOf('.');
            return dot < 0 ? QualifiedName.of("public", name) : QualifiedName.of(name.substring(0, dot), name.substring(dot + 1));
        }
    }
}
