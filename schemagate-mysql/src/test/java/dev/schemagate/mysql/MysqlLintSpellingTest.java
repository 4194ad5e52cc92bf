package dev.schemagate.mysql;

import dev.schemagate.check.Finding;
import dev.schemagate.dialect.Dialects;
import dev.schemagate.lint.LintConfig;
import dev.schemagate.lint.Linter;
import dev.schemagate.migration.HistoryCut;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.MigrationDiscovery;
import dev.schemagate.migration.MigrationSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MySQL's lint names tables and columns as the migration spells them: on Linux {@code Orders} and
 * {@code orders} are two tables, so a finding about {@code orders} for a statement on {@code Orders}
 * would point at the wrong one. The rules still match keywords and names whatever their case.
 */
class MysqlLintSpellingTest {

    @TempDir
    Path dir;

    @Test
    void findingsSpellTablesAndColumnsAsTheStatementDoes() throws IOException {
        write("1_create.up.sql", "CREATE TABLE `Orders` (id INT PRIMARY KEY, TotalCents INT, Note TEXT);\n"
                + "CREATE TABLE Customers (id INT PRIMARY KEY);");
        write("2_change.up.sql", "ALTER TABLE Orders DROP COLUMN TotalCents;\n"
                + "alter table `Orders` rename column Note to Remark;\n"
                + "RENAME TABLE Customers TO Clients;\n"
                + "DROP TABLE IF EXISTS `Orders`;");

        List<String> messages = lint().stream().filter(f -> f.location().file().toString().contains("2_change"))
                .map(Finding::message).toList();

        assertThat(messages).anyMatch(m -> m.contains("drops column Orders.TotalCents"))
                .anyMatch(m -> m.contains("renames column Orders.Note to Remark"))
                .anyMatch(m -> m.contains("renames table Customers to Clients"))
                .anyMatch(m -> m.contains("drops table Orders"))
                .noneMatch(m -> m.contains("orders") || m.contains("customers") || m.contains("totalcents"));
    }

    private void write(String name, String sql) throws IOException {
        Files.writeString(dir.resolve(name), sql + "\n");
    }

    private List<Finding> lint() {
        MigrationSet set = MigrationDiscovery.discover(dir, Layout.AUTO, Dialects.names(Dialects.byId("mysql")));
        return new Linter(Dialects.byId("mysql"), LintConfig.defaults()).lint(set, HistoryCut.none()).findings();
    }
}
