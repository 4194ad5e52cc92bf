package dev.schemagate.mysql;

import dev.schemagate.check.Finding;
import dev.schemagate.dialect.DatabaseError;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.lint.LintConfig;
import dev.schemagate.lint.Linter;
import dev.schemagate.lint.Rules;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.MigrationDiscovery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What a user reads when the server refuses a statement. MySQL 8 syntax that the embedded MariaDB
 * refuses is named as such, with what to do (check the migrations on MySQL 8 with {@code --db-url},
 * or what to write for MariaDB), while a plain syntax error stays the server's message alone; and
 * the message carries nothing that changes from run to run (connection numbers, scratch names, the
 * server's temporary tables).
 */
class MysqlRefusalsTest {

    private static final String TABLE = "CREATE TABLE clients (id INT PRIMARY KEY, uris TEXT, uris_json JSON);\n"
            + "CREATE TABLE tokens (id INT PRIMARY KEY, client_id INT);\nINSERT INTO tokens VALUES (1, 7);\n";

    private static final EmbeddedMariaDb server = MysqlTestServer.shared();

    @TempDir
    Path dir;

    /** What the dialect makes of the error the server raises for the statement. */
    private static DatabaseError refused(String sql) throws SQLException {
        try (ScratchDatabase scratch = server.createDatabase(); Connection connection = server.connect(scratch.name());
             Statement statement = connection.createStatement()) {
            for (String given : TABLE.split(";\n")) {
                statement.execute(given);
            }
            SQLException failure = catchThrowableOfType(() -> statement.execute(sql), SQLException.class);
            assertThat((Throwable) failure).as("the server refuses %s", sql).isNotNull();
            return new MysqlDialect().describe(failure);
        }
    }

    @Test
    void aCastAsJsonIsNamedAsMySqlSyntaxWithWhatToDo() throws SQLException {
        DatabaseError error = refused("UPDATE clients SET uris_json = cast(concat('[\"', uris, '\"]') as json) WHERE uris <> ''");

        assertThat(error.message()).startsWith("You have an error in your SQL syntax")
                .endsWith(" — CAST(… AS JSON) (or CONVERT(…, JSON)) is MySQL 8 syntax that MariaDB does not have");
        assertThat(error.hint()).contains("check these migrations on MySQL 8 with --db-url jdbc:mysql://HOST:PORT/DB")
                .contains("the value without the cast");
    }

    @Test
    void aJsonPathOperatorIsNamedAsMySqlSyntax() throws SQLException {
        DatabaseError error = refused("SELECT uris_json->>'$.a' FROM clients");

        assertThat(error.message()).endsWith(" — the JSON operator -> (or ->>) is MySQL 8 syntax that MariaDB does not have");
        assertThat(error.hint()).contains("JSON_UNQUOTE(JSON_EXTRACT(column, path))");
    }

    @Test
    void theOtherJsonPathOperatorIsNamedToo() throws SQLException {
        assertThat(refused("SELECT id FROM clients WHERE uris_json -> '$.a' = 1").message())
                .endsWith(" — the JSON operator -> (or ->>) is MySQL 8 syntax that MariaDB does not have");
    }

    @Test
    void aPlainSyntaxErrorIsTheServersMessageAlone() throws SQLException {
        DatabaseError error = refused("UPDATE clients SET uris = 'x' WHERE WHERE id = 1");

        assertThat(error.message()).startsWith("You have an error in your SQL syntax").doesNotContain("MySQL 8");
        assertThat(error.hint()).isEmpty();
    }

    /** A foreign key that a row breaks, refused while the server copies the table, names the copy as such, not by its temporary name. */
    @Test
    void aKeyRefusedWhileTheTableIsCopiedNamesTheCopyNotItsTemporaryName() throws SQLException {
        DatabaseError error = refused("ALTER TABLE tokens ADD CONSTRAINT tokens_client FOREIGN KEY (client_id) REFERENCES clients (id)");

        assertThat(error.message()).startsWith("Cannot add or update a child row: a foreign key constraint fails (the new copy of the"
                        + " altered table, CONSTRAINT `tokens_client` FOREIGN KEY (`client_id`) REFERENCES `clients` (`id`))")
                .doesNotContain("#sql").doesNotContain("conn=").doesNotContain("schemagate_");
    }

    /** The lint stops where the server refused the construct, and its note says what the construct is and what to do. */
    @Test
    void theLintSaysWhereItStoppedOnMySqlSyntaxAndWhatToDo() throws Exception {
        Files.writeString(dir.resolve("1_clients.up.sql"), TABLE);
        Files.writeString(dir.resolve("2_json.up.sql"), "ALTER TABLE clients ADD COLUMN note TEXT;\n"
                + "UPDATE clients SET uris_json = CAST(uris AS JSON);\n");
        List<Finding> findings;
        try (ScratchDatabase scratch = server.createDatabase()) {
            findings = new Linter(Dialects.byId("mysql"), LintConfig.defaults()).lintObserved(MigrationDiscovery.discover(dir,
                    Layout.AUTO, Dialects.names(Dialects.byId("mysql"))), scratch, 10).findings();
        }

        assertThat(findings).filteredOn(f -> f.ruleId().equals(Rules.OBSERVATION_STOPPED.id())).singleElement().satisfies(f -> {
            assertThat(f.location().file().getFileName()).hasToString("2_json.up.sql");
            assertThat(f.location().line()).isEqualTo(2);
            assertThat(f.message()).contains("CAST(… AS JSON) (or CONVERT(…, JSON)) is MySQL 8 syntax that MariaDB does not have");
            assertThat(f.hint()).contains("--db-url jdbc:mysql://").doesNotContain("fails in production too");
        });
    }
}
