package dev.schemagate.sqlite;

import dev.schemagate.dialect.DatabaseServer;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.ServerOptions;
import dev.schemagate.model.Constraint;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.SnapshotJson;
import dev.schemagate.model.SnapshotOptions;
import dev.schemagate.model.dialect.SqliteTable;
import dev.schemagate.model.Table;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteSnapshotTest {

    private static final String SCHEMA = """
            CREATE TABLE owner (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL UNIQUE COLLATE nocase,
              domain TEXT GENERATED ALWAYS AS (substr(email, instr(email, '@') + 1)) STORED,
              "as" TEXT AS (UPPER(  Email /* a note */ ))) STRICT;
            CREATE TABLE pet (
              owner_id INTEGER NOT NULL REFERENCES owner ON DELETE CASCADE,
              name TEXT NOT NULL,
              born TEXT DEFAULT '2020-01-01' CHECK (born COLLATE rtrim > '1900' AND CAST(born AS TEXT) <> ''),
              CONSTRAINT named_born CHECK (born > '1900'),
              PRIMARY KEY (owner_id, name)
            ) WITHOUT ROWID;
            CREATE INDEX pet_born ON pet (born DESC) WHERE born IS NOT NULL;
            CREATE INDEX pet_lower ON pet (lower(name));
            CREATE VIEW adults AS SELECT name FROM pet WHERE born < '2010';
            CREATE TRIGGER pet_audit AFTER UPDATE OF name ON pet BEGIN SELECT 1; END;
            """;

    @Test
    void readsTablesKeysIndexesViewsTriggersAndSqliteOwnTableKinds() throws SQLException {
        SqliteDialect dialect = new SqliteDialect();
        try (DatabaseServer server = dialect.start(ServerOptions.embedded(ServerOptions.DEFAULT_VERSION));
             ScratchDatabase database = server.createDatabase(); Connection connection = database.connect()) {
            for (var statement : dialect.splitter().split(Path.of("schema.sql"), dev.schemagate.migration.ScriptPart.of(SCHEMA, 1))) {
                dialect.execute(connection, statement);
            }
            Snapshot snapshot = dialect.snapshot(connection, SnapshotOptions.full());

            Table owner = snapshot.table(dev.schemagate.model.QualifiedName.of("main", "owner")).orElseThrow();
            assertThat(owner.sqlite()).isEqualTo(new SqliteTable(false, true, true, List.of("domain")));
            assertThat(owner.column("email").orElseThrow().collation()).isEqualTo("NOCASE");
            assertThat(owner.column("domain").orElseThrow().generatedExpression()).isEqualTo("substr(email, instr(email, '@') + 1)");
            assertThat(owner.column("as").orElseThrow().generatedExpression()).isEqualTo("upper( email )");
            assertThat(owner.constraints()).extracting(Constraint::type)
                    .containsExactlyInAnyOrder(Constraint.Type.PRIMARY_KEY, Constraint.Type.UNIQUE);

            Table pet = snapshot.table(dev.schemagate.model.QualifiedName.of("main", "pet")).orElseThrow();
            assertThat(pet.sqlite()).isEqualTo(new SqliteTable(true, false, false, List.of()));
            assertThat(pet.column("born").orElseThrow().collation()).isNull();
            assertThat(pet.column("born").orElseThrow().generatedExpression()).isNull();
            assertThat(pet.primaryKey().orElseThrow().columns()).containsExactly("owner_id", "name");
            Constraint key = pet.constraints().stream().filter(c -> c.type() == Constraint.Type.FOREIGN_KEY).findFirst().orElseThrow();
            assertThat(key.referencedColumns()).containsExactly("id");
            assertThat(key.onDelete()).isEqualTo("CASCADE");
            assertThat(pet.constraint("named_born").orElseThrow().definition()).isEqualTo("CHECK (born > '1900')");
            assertThat(pet.column("born").orElseThrow().defaultExpression()).isEqualTo("'2020-01-01'");
            assertThat(pet.index("pet_born").orElseThrow().predicate()).isEqualTo("born IS NOT NULL");
            assertThat(pet.index("pet_born").orElseThrow().keys().get(0).descending()).isTrue();
            assertThat(pet.index("pet_lower").orElseThrow().definition()).contains("lower(name)");
            assertThat(pet.trigger("pet_audit").orElseThrow().columns()).containsExactly("name");
            assertThat(pet.trigger("pet_audit").orElseThrow().timing()).isEqualTo("AFTER");
            assertThat(snapshot.view(dev.schemagate.model.QualifiedName.of("main", "adults")).orElseThrow().columns())
                    .extracting(c -> c.name()).containsExactly("name");

            assertThat(SnapshotJson.fromJson(SnapshotJson.toJson(snapshot))).isEqualTo(snapshot);
        }
    }

    @Test
    void aCloneIsAFileCopyAndTheFolderIsGoneAfterTheRun() throws SQLException {
        Path folder;
        try (DatabaseServer server = new SqliteDialect().start(ServerOptions.embedded(ServerOptions.DEFAULT_VERSION))) {
            ScratchDatabase original = server.createDatabase();
            try (Connection connection = original.connect()) {
                connection.createStatement().execute("CREATE TABLE t (x)");
                connection.createStatement().execute("INSERT INTO t VALUES (1)");
            }
            ScratchDatabase copy = server.cloneDatabase(original);
            try (Connection connection = copy.connect()) {
                var rows = connection.createStatement().executeQuery("SELECT count(*) FROM t");
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
            folder = ((SqliteScratchDatabase) copy).file().getParent();
            assertThat(folder.getFileName().toString()).startsWith("schemagate-sqlite-");
        }
        assertThat(Files.exists(folder)).isFalse();
    }
}
