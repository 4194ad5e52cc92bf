package dev.schemagate.mysql;

import dev.schemagate.dialect.Reach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Statements that reach past the scratch database are recognised; ordinary DDL and DML are not. */
class StatementReachTest {

    @Test
    void statementsOutsideTheDatabaseAreRecognised() {
        assertThat(StatementReach.of("USE other")).contains(new Reach(Reach.Scope.DATABASES, "USE"));
        assertThat(StatementReach.of("drop  database\nprod")).contains(new Reach(Reach.Scope.DATABASES, "DROP DATABASE"));
        assertThat(StatementReach.of("GRANT ALL ON *.* TO x")).contains(new Reach(Reach.Scope.ROLES, "GRANT"));
        assertThat(StatementReach.of("SET GLOBAL max_connections = 1")).contains(new Reach(Reach.Scope.SERVER, "SET GLOBAL"));
        assertThat(StatementReach.of("SELECT * FROM t INTO OUTFILE '/tmp/x'")).contains(new Reach(Reach.Scope.FILES, "INTO OUTFILE"));
        assertThat(StatementReach.of("LOAD DATA INFILE '/etc/passwd' INTO TABLE t")).map(Reach::scope).contains(Reach.Scope.FILES);
    }

    @Test
    void ordinaryStatementsStayInside() {
        assertThat(StatementReach.of("CREATE TABLE users (id INT) -- USE other\n")).isEmpty();
        assertThat(StatementReach.of("SET foreign_key_checks = 0")).isEmpty();
        assertThat(StatementReach.of("LOAD DATA LOCAL INFILE 'x.csv' INTO TABLE t")).isEmpty();
        assertThat(StatementReach.of("INSERT INTO t (note) VALUES ('use the grant')")).isEmpty();
    }
}
