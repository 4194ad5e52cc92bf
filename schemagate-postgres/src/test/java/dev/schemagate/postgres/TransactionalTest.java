package dev.schemagate.postgres;

import static dev.schemagate.postgres.Splits.split;
import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.migration.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Statements that PostgreSQL refuses inside a transaction block ("... cannot run inside a
 * transaction block") are marked non-transactional; the rest, including look-alikes, are not.
 */
class TransactionalTest {

    @ParameterizedTest(name = "{0} -> transactional={1}")
    @CsvSource(delimiter = '|', textBlock = """
            CREATE INDEX CONCURRENTLY i ON t (a)                        | false
            create unique index concurrently if not exists i on t (a)   | false
            CREATE INDEX concurrently ON t (a)                          | false
            CREATE INDEX i ON t (a)                                     | true
            CREATE INDEX "concurrently" ON t (a)                        | true
            DROP INDEX CONCURRENTLY IF EXISTS i                         | false
            DROP INDEX i                                                | true
            REINDEX INDEX CONCURRENTLY i                                | false
            REINDEX (VERBOSE) TABLE CONCURRENTLY t                      | false
            REINDEX (CONCURRENTLY, VERBOSE) TABLE t                     | false
            REINDEX (CONCURRENTLY off) TABLE t                          | true
            REINDEX TABLE t                                             | true
            REINDEX SCHEMA s                                            | false
            REINDEX DATABASE d                                          | false
            REINDEX (VERBOSE) SYSTEM                                    | false
            VACUUM                                                      | false
            vacuum (analyze, verbose) t                                 | false
            ANALYZE t                                                   | true
            CREATE DATABASE d TEMPLATE template0                        | false
            DROP DATABASE IF EXISTS d WITH (FORCE)                      | false
            ALTER DATABASE d SET TABLESPACE fast                        | false
            ALTER DATABASE d SET default_tablespace = fast              | true
            ALTER DATABASE d SET search_path = a, b                     | true
            ALTER SYSTEM SET work_mem = '64MB'                          | false
            CREATE TABLESPACE fast LOCATION '/ssd'                      | false
            DROP TABLESPACE fast                                        | false
            ALTER TABLESPACE fast RENAME TO quick                       | true
            CREATE SUBSCRIPTION s CONNECTION 'dbname=x' PUBLICATION p   | false
            DROP SUBSCRIPTION IF EXISTS s                               | false
            ALTER SUBSCRIPTION s REFRESH PUBLICATION                    | false
            ALTER SUBSCRIPTION s ADD PUBLICATION p2                     | false
            ALTER SUBSCRIPTION U&"s" REFRESH PUBLICATION                | false
            ALTER SUBSCRIPTION s DISABLE                                | true
            ALTER SUBSCRIPTION "refresh" OWNER TO me                    | true
            CLUSTER                                                     | false
            CLUSTER VERBOSE                                             | false
            CLUSTER (VERBOSE)                                           | false
            CLUSTER t USING t_pkey                                      | true
            CLUSTER (VERBOSE) t                                         | true
            ALTER TABLE t DETACH PARTITION t_2020 CONCURRENTLY          | false
            ALTER TABLE t DETACH PARTITION t_2020                       | true
            ALTER TYPE mood ADD VALUE 'meh'                             | true
            DISCARD ALL                                                 | false
            DISCARD PLANS                                               | true
            CHECKPOINT                                                  | true
            COMMIT PREPARED 'tx1'                                       | false
            COMMIT                                                      | true
            REFRESH MATERIALIZED VIEW CONCURRENTLY mv                   | true
            CREATE TABLE concurrently (vacuum int)                      | true
            SELECT 'VACUUM'                                             | true
            """)
    void classifiesByLeadingKeywords(String sql, boolean transactional) {
        List<Statement> statements = split(sql + ";");
        assertThat(statements).singleElement().satisfies(s -> {
            assertThat(s.sql()).isEqualTo(sql);
            assertThat(s.transactional()).isEqualTo(transactional);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            -- why\\n/* because */ VACUUM t
            vAcUuM t
            /* a /* nested */ comment */CREATE INDEX CONCURRENTLY i ON t (a)
            """)
    void keywordsAreFoundAfterCommentsInAnyCase(String sql) {
        assertThat(split(sql.replace("\\n", "\n"))).singleElement()
                .satisfies(s -> assertThat(s.transactional()).isFalse());
    }
}
