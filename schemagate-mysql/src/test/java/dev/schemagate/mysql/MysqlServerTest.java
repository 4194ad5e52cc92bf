package dev.schemagate.mysql;

import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.dialect.SessionSettings;
import dev.schemagate.dialect.Timeouts;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded MariaDB: private, on 127.0.0.1 with this run's password, with scratch databases and honest copies. */
class MysqlServerTest {

    private static final EmbeddedMariaDb server = MysqlTestServer.shared();

    @Test
    void startsMariaDbOnLoopbackAndAdmitsOnlyThisRunsPassword() throws SQLException {
        assertThat(server.description()).matches("embedded MariaDB 11\\.\\d+\\.\\d+");
        assertThat(server.address().hostAndPort()).startsWith("127.0.0.1:");
        Properties wrong = new Properties();
        wrong.setProperty("user", "root");
        assertThatThrownBy(() -> DriverManager.getConnection(server.address().url(""), wrong).close())
                .isInstanceOf(SQLException.class);
        try (Connection connection = DriverManager.getConnection(server.address().url(""), server.properties());
             ResultSet rows = connection.createStatement().executeQuery("select @@bind_address, @@skip_grant_tables")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("127.0.0.1");
            assertThat(rows.getInt(2)).isZero();
        }
    }

    @Test
    void aServerIsNamedAfterTheProductItsVersionReportsWhicheverSchemeNamedIt() {
        assertThat(MysqlServer.describe("10.11.19-MariaDB-0+deb12u1-log", "db:3306")).isEqualTo("MariaDB 10.11.19 at db:3306");
        assertThat(MysqlServer.describe("8.0.36", "db:3306")).isEqualTo("MySQL 8.0.36 at db:3306");
        assertThat(MysqlServer.describe("8.4.3-commercial", "db:3306")).isEqualTo("MySQL 8.4.3 at db:3306");
    }

    @Test
    void aRefusedLoginSaysWhereAndAsWhomWithoutTheConnectionNumber() {
        Properties wrong = new Properties();
        wrong.setProperty("user", "schemagate");
        wrong.setProperty("password", "not-this-runs");
        ServerAddress address = new ServerAddress(server.address().hostAndPort(), "", wrong);
        assertThatThrownBy(() -> new MysqlServer(address, Timeouts.DEFAULT, SessionSettings.NONE, false))
                .isInstanceOf(InfrastructureException.class)
                .hasMessageStartingWith("MySQL/MariaDB at " + address.hostAndPort() + " (user 'schemagate') failed: Access denied")
                .hasMessageNotContaining("conn=").hasMessageNotContaining("not-this-runs");
    }

    @Test
    void aTableThatNamesNoCharacterSetIsUtf8mb4() throws SQLException {
        try (ScratchDatabase database = server.createDatabase();
             Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            sql.execute("create table plain (name varchar(10))");
            sql.execute("create table charset_only (name varchar(10)) default charset=utf8mb4");
            sql.execute("create table own (name varchar(10)) default charset=latin1");
            assertThat(collations(sql)).containsExactly(
                    "charset_only utf8mb4_general_ci", "own latin1_swedish_ci", "plain utf8mb4_general_ci");
        }
    }

    @Test
    void theRunnersSessionSettingsChooseTheScratchDatabasesDefaults() throws SQLException {
        SessionSettings session = SessionSettings.parse("--session",
                List.of("collation_server=utf8mb4_0900_ai_ci", "character_set_collations=utf8mb4=utf8mb4_0900_ai_ci"));
        MysqlServer sameServer = new MysqlServer(server.address(), Timeouts.DEFAULT, session, false);
        try (ScratchDatabase database = sameServer.createDatabase();
             Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            sql.execute("create table plain (name varchar(10))");
            sql.execute("create table charset_only (name varchar(10)) default charset=utf8mb4");
            assertThat(collations(sql)).containsExactly("charset_only utf8mb4_0900_ai_ci", "plain utf8mb4_0900_ai_ci");
        } finally {
            sameServer.close();
        }
    }

    private static List<String> collations(Statement sql) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("select table_name, table_collation from information_schema.tables"
                + " where table_schema = database() order by table_name")) {
            while (rows.next()) {
                tables.add(rows.getString(1) + " " + rows.getString(2));
            }
        }
        return tables;
    }

    @Test
    void aCloneHoldsTheSameSchemaRowsAndCounterAndClosingDropsIt() throws SQLException {
        try (ScratchDatabase original = server.createDatabase()) {
            try (Connection connection = original.connect(); Statement sql = connection.createStatement()) {
                sql.execute("create table parent (id int unsigned auto_increment primary key, name varchar(20) not null"
                        + " default 'x', full_name varchar(40) as (concat(name, '!')) stored, unique key uq_name (name))"
                        + " engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin");
                sql.execute("create table child (id int primary key, parent_id int unsigned,"
                        + " constraint fk_parent foreign key (parent_id) references parent (id) on delete cascade)");
                sql.execute("insert into parent (name) values ('a'), ('b'), ('c')");
                sql.execute("delete from parent where name = 'c'");
                sql.execute("insert into child values (1, 1), (2, 2)");
                sql.execute("create view named as select p.name, c.id from parent p join child c on c.parent_id = p.id");
                sql.execute("create trigger child_check before insert on child for each row set new.id = new.id + 0");
            }
            String copyName;
            try (ScratchDatabase copy = server.cloneDatabase(original)) {
                copyName = copy.name();
                try (Connection a = original.connect(); Connection b = copy.connect()) {
                    assertThat(MysqlIntrospector.snapshot(b)).isEqualTo(MysqlIntrospector.snapshot(a));
                    assertThat(rows(b, "select id, name, full_name from parent order by id")).containsExactly("1 a a!", "2 b b!");
                    assertThat(rows(b, "select id, parent_id from child order by id")).containsExactly("1 1", "2 2");
                    assertThat(rows(b, "select name, id from named order by id")).containsExactly("a 1", "b 2");
                    b.createStatement().execute("insert into parent (name) values ('d')");
                    assertThat(rows(b, "select id from parent where name = 'd'")).containsExactly("4");
                }
            }
            assertThat(rows(server, "show databases")).doesNotContain(copyName);
        }
    }

    /**
     * A nullable column whose default was dropped ({@code ALTER COLUMN … DROP DEFAULT}, as Hydra's
     * consent migration does) has no default on MariaDB, yet {@code SHOW CREATE TABLE} spells it
     * {@code DEFAULT NULL}: the copy has none either, so a rollback checked on a copy finds nothing
     * that was not there.
     */
    @Test
    void aCopyKeepsANullableColumnWithoutADefault() throws SQLException {
        try (ScratchDatabase original = server.createDatabase()) {
            try (Connection connection = original.connect(); Statement sql = connection.createStatement()) {
                sql.execute("create table consent (id int primary key, login_session_id varchar(40) null default '', note text)");
                sql.execute("alter table consent alter column login_session_id drop default");
            }
            try (ScratchDatabase copy = server.cloneDatabase(original); Connection a = original.connect(); Connection b = copy.connect()) {
                String defaults = "select column_name, coalesce(column_default, '(none)') from information_schema.columns"
                        + " where table_schema = database() and table_name = 'consent' order by ordinal_position";
                assertThat(rows(a, defaults)).containsExactly("id (none)", "login_session_id (none)", "note NULL");
                assertThat(rows(b, defaults)).containsExactlyElementsOf(rows(a, defaults));
                assertThat(MysqlIntrospector.snapshot(b)).isEqualTo(MysqlIntrospector.snapshot(a));
            }
        }
    }

    /**
     * InnoDB makes an index for a foreign key that has none and drops it when another index on the
     * same columns is created; the copy's index is made the same way, so the same later migration
     * leaves both with the same indexes.
     */
    @Test
    void aCopyLetsInnoDbMakeAForeignKeysOwnIndexAsTheOriginalDid() throws SQLException {
        String explicit = "create index child_parent_idx on child (parent_id)";
        try (ScratchDatabase original = server.createDatabase()) {
            try (Connection connection = original.connect(); Statement sql = connection.createStatement()) {
                sql.execute("create table parent (id varchar(40) primary key)");
                sql.execute("create table child (id int primary key, parent_id varchar(40), note varchar(10), key child_note (note))");
                sql.execute("alter table child add constraint child_parent_fk foreign key (parent_id) references parent (id)");
            }
            try (ScratchDatabase copy = server.cloneDatabase(original); Connection a = original.connect(); Connection b = copy.connect()) {
                assertThat(MysqlIntrospector.snapshot(b)).isEqualTo(MysqlIntrospector.snapshot(a));
                a.createStatement().execute(explicit);
                b.createStatement().execute(explicit);
                String indexes = "select distinct index_name from information_schema.statistics where table_schema = database()"
                        + " and table_name = 'child' order by index_name";
                assertThat(rows(a, indexes)).containsExactlyInAnyOrder("PRIMARY", "child_note", "child_parent_idx");
                assertThat(rows(b, indexes)).containsExactlyElementsOf(rows(a, indexes));
            }
        }
    }

    /**
     * The index of a foreign key on several columns too: {@code SHOW CREATE TABLE} separates a key's
     * columns with a comma and a foreign key's with a comma and a space. When the key is dropped and
     * added again under its name on more columns (Hydra's {@code 20220210000001000054}), the server
     * replaces its own index; a copy holding it as an ordinary index refused the same statement with
     * "Duplicate key name", and the migration went unchecked.
     */
    @Test
    void aCopyLetsInnoDbMakeTheIndexOfAForeignKeyOnSeveralColumnsAsTheOriginalDid() throws SQLException {
        List<List<String>> indexes = indexesOfOriginalAndCopyAfter("issuer", List.of(
                "create table jwk (sid varchar(20), kid varchar(20), nid char(36), primary key (sid, kid, nid))",
                "create table pair (kid varchar(20), sid varchar(20), primary key (kid, sid))",
                "create table issuer (id int primary key, key_set varchar(20) not null, key_id varchar(20) not null,"
                        + " nid char(36), key issuer_pair (key_id, key_set),"
                        + " constraint issuer_ibfk_1 foreign key (key_set, key_id) references jwk (sid, kid) on delete cascade,"
                        + " constraint issuer_pair_fk foreign key (key_id, key_set) references pair (kid, sid))"), List.of(
                "alter table issuer drop foreign key issuer_ibfk_1",
                "alter table issuer add constraint issuer_ibfk_1 foreign key (key_set, key_id, nid) references jwk (sid, kid, nid)"));

        assertThat(indexes.get(0)).containsExactlyInAnyOrder("PRIMARY id", "issuer_ibfk_1 key_set,key_id,nid", "issuer_pair key_id,key_set");
        assertThat(indexes.get(1)).containsExactlyElementsOf(indexes.get(0));
    }

    /**
     * Makes {@code schema} on a new database and copies it (the copy's snapshot must be the original's),
     * runs {@code migration} on both, and gives each one's indexes of {@code table} with their columns:
     * the original's, then the copy's.
     */
    private static List<List<String>> indexesOfOriginalAndCopyAfter(String table, List<String> schema, List<String> migration)
            throws SQLException {
        try (ScratchDatabase original = server.createDatabase()) {
            try (Connection connection = original.connect(); Statement sql = connection.createStatement()) {
                for (String statement : schema) {
                    sql.execute(statement);
                }
            }
            try (ScratchDatabase copy = server.cloneDatabase(original); Connection a = original.connect(); Connection b = copy.connect()) {
                assertThat(MysqlIntrospector.snapshot(b)).isEqualTo(MysqlIntrospector.snapshot(a));
                String indexes = "select index_name, group_concat(column_name order by seq_in_index) from information_schema.statistics"
                        + " where table_schema = database() and table_name = '" + table + "' group by index_name order by index_name";
                List<List<String>> both = new ArrayList<>();
                for (Connection connection : List.of(a, b)) {
                    for (String statement : migration) {
                        connection.createStatement().execute(statement);
                    }
                    both.add(rows(connection, indexes));
                }
                return both;
            }
        }
    }

    @Test
    void aScratchDatabaseAKilledRunLeftLongAgoIsDroppedAndARecentOneKept() throws SQLException {
        String old = "schemagate_1000000000_abcdef_1";
        String recent = "schemagate_" + java.time.Instant.now().getEpochSecond() + "_abcdef_1";
        server.admin(sql -> sql.execute("create database " + old));
        server.admin(sql -> sql.execute("create database " + recent));

        server.dropStale(MysqlDialect.STALE_AFTER);

        assertThat(rows(server, "show databases")).doesNotContain(old).contains(recent);
        server.admin(sql -> sql.execute("drop database " + recent));
    }

    private static List<String> rows(MysqlServer server, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.address().url(""), server.properties())) {
            return rows(connection, sql);
        }
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = connection.createStatement().executeQuery(sql)) {
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    values.add(result.getString(i));
                }
                rows.add(String.join(" ", values));
            }
        }
        return rows;
    }

    /**
     * The server's data folder is a copy of one installed once into the user's cache, a folder only
     * this user may enter; the run's account, made at start, never reaches the prepared folder.
     */
    @Test
    void theDataFolderIsACopyOfAPreparedOneOnlyThisUserMayEnter() throws Exception {
        Path prepared = MariaDbDataCache.ensure(MariaDbBinaries.ensure());

        assertThat(((Integer) Files.getAttribute(prepared.getParent(), "unix:mode")) & 077).isZero();
        assertThat(prepared.resolve("mysql")).isDirectory();
        Path datadir = Path.of(rows(server, "select @@datadir").get(0)).toAbsolutePath().normalize();
        assertThat(datadir.startsWith(prepared.getParent())).isFalse();
        assertThat(rows(server, "select user from mysql.user where user = 'schemagate'")).containsExactly("schemagate");
        try (Stream<Path> files = Files.walk(prepared.resolve("mysql"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as("%s", file).doesNotContain("schemagate");
            }
        }
    }
}
