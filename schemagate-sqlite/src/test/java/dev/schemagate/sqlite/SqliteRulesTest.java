package dev.schemagate.sqlite;

import dev.schemagate.dialect.Dialects;
import dev.schemagate.lint.LintConfig;
import dev.schemagate.lint.Linter;
import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.MigrationDiscovery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQLite rules on the shapes of rebuild the corpus has, beyond their pages' examples. */
class SqliteRulesTest {

    @TempDir
    Path dir;

    private List<String> lint(String given, String change) throws IOException {
        Files.writeString(dir.resolve("1_given.up.sql"), given);
        Files.writeString(dir.resolve("2_change.up.sql"), change);
        return new Linter(Dialects.byId("sqlite"), LintConfig.defaults())
                .lint(MigrationDiscovery.discover(dir, Layout.AUTO, Dialects.names(Dialects.byId("sqlite"))), HistoryCut.none())
                .findings().stream().map(f -> f.ruleId() + " " + f.message()).toList();
    }

    @Test
    void aRebuildThatWidensAUniqueIndexOrMovesItIntoTheKeyKeepsItsColumnsIndexed() throws IOException {
        String given = """
                CREATE TABLE client (id TEXT NOT NULL, pk TEXT PRIMARY KEY);
                CREATE UNIQUE INDEX client_id_idx ON client (id);
                CREATE INDEX client_id_pk_idx ON client ("id" ASC, pk);
                """;
        String change = """
                CREATE TABLE "_client_tmp" (id TEXT NOT NULL, nid TEXT NOT NULL, pk TEXT, PRIMARY KEY (id, pk));
                INSERT INTO "_client_tmp" (id, pk, nid) SELECT id, pk, 'n' FROM client;
                DROP TABLE "client";
                ALTER TABLE "_client_tmp" RENAME TO "client";
                CREATE UNIQUE INDEX client_id_nid_uq_idx ON client (id, nid);
                """;

        assertThat(lint(given, change)).isEmpty();
    }

    @Test
    void aRebuildThatLeavesAnIndexAndATriggerBehindNamesBoth() throws IOException {
        String given = """
                CREATE TABLE person (id INTEGER PRIMARY KEY, email TEXT, updated TEXT);
                CREATE INDEX person_email ON person (email);
                CREATE TRIGGER person_touch AFTER UPDATE OF email ON person BEGIN UPDATE person SET updated = 'now'; END;
                """;
        String change = """
                CREATE TABLE person_new (id INTEGER PRIMARY KEY, email TEXT, updated TEXT, name TEXT);
                INSERT INTO person_new (id, email, updated) SELECT id, email, updated FROM person;
                DROP TABLE person;
                ALTER TABLE person_new RENAME TO person;
                """;

        assertThat(lint(given, change)).containsExactly(
                "lint.sqlite-rebuild-loses-indexes rebuilds person without creating again what the drop took with it: person_email, person_touch");
    }

    @Test
    void renamingTheOldTableAwayFiresOnlyWhenAnotherTableReferencesIt() throws IOException {
        String change = """
                ALTER TABLE ciphers RENAME TO oldCiphers;
                CREATE TABLE ciphers (uuid TEXT PRIMARY KEY, name TEXT);
                INSERT INTO ciphers (uuid) SELECT uuid FROM oldCiphers;
                DROP TABLE oldCiphers;
                """;

        assertThat(lint("CREATE TABLE ciphers (uuid TEXT PRIMARY KEY);\n"
                + "CREATE TABLE attachments (id TEXT PRIMARY KEY, cipher_uuid TEXT REFERENCES ciphers (uuid));\n", change))
                .singleElement().asString().startsWith("lint.sqlite-rebuild-renames-old-table renames ciphers to oldCiphers")
                .contains("attachments reference it").endsWith("now point at oldCiphers");
        assertThat(lint("CREATE TABLE ciphers (uuid TEXT PRIMARY KEY);\n", change)).isEmpty();
    }

    @Test
    void renamingTheOldTableAwayIsRightWhenItsChildrenAreRebuiltToo() throws IOException {
        String given = """
                CREATE TABLE consent (id TEXT PRIMARY KEY);
                CREATE TABLE token (id TEXT PRIMARY KEY, consent_id TEXT REFERENCES consent (id) ON DELETE CASCADE);
                """;
        String rebuildBoth = """
                ALTER TABLE consent RENAME TO _bkp_consent;
                CREATE TABLE consent (id TEXT PRIMARY KEY, subject TEXT NULL);
                INSERT INTO consent (id) SELECT id FROM _bkp_consent;
                DROP TABLE _bkp_consent;
                ALTER TABLE token RENAME TO _bkp_token;
                CREATE TABLE token (id TEXT PRIMARY KEY, consent_id TEXT REFERENCES consent (id) ON DELETE CASCADE);
                INSERT INTO token SELECT * FROM _bkp_token;
                DROP TABLE _bkp_token;
                """;

        assertThat(lint(given, rebuildBoth)).isEmpty();
        assertThat(lint(given, "PRAGMA legacy_alter_table = ON;\n" + rebuildBoth.lines().limit(4)
                .reduce("", (a, b) -> a + b + "\n"))).isEmpty();
        assertThat(lint(given, rebuildBoth.lines().limit(4).reduce("", (a, b) -> a + b + "\n"))).hasSize(1);
    }

    @Test
    void addColumnsThatFailOnRowsFireOnExistingTablesOnly() throws IOException {
        assertThat(lint("CREATE TABLE t (id INTEGER PRIMARY KEY);\n", """
                ALTER TABLE t ADD COLUMN a TEXT NOT NULL;
                ALTER TABLE t ADD COLUMN b TEXT DEFAULT CURRENT_TIMESTAMP;
                ALTER TABLE t ADD COLUMN c TEXT NOT NULL DEFAULT '';
                ALTER TABLE t ADD d TEXT UNIQUE;
                ALTER TABLE t ALTER COLUMN c SET DEFAULT 'x';
                ALTER TABLE t DROP COLUMN c;
                ALTER TABLE t RENAME COLUMN b TO e;
                CREATE TABLE fresh (id INTEGER PRIMARY KEY);
                ALTER TABLE fresh ADD COLUMN a TEXT NOT NULL;
                """)).extracting(line -> line.substring(0, line.indexOf(' ', line.indexOf(' ') + 1)))
                .containsExactly("lint.sqlite-alter-table-unsupported adds", "lint.sqlite-alter-table-unsupported adds",
                        "lint.sqlite-alter-table-unsupported adds", "lint.sqlite-alter-table-unsupported runs");
    }
}
