package dev.schemagate.postgres.introspect;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogSqlTest {

    private static final List<String> KINDS = List.of("schemas", "extensions", "collations", "types",
            "domain_constraints", "sequences", "relations", "columns", "constraints", "indexes", "triggers", "policies",
            "dependencies", "routines", "event_triggers", "comments", "privileges", "casts", "statistics", "publications",
            "publication_tables", "foreign_data_wrappers", "foreign_servers", "pulse", "transaction_mark",
            "transaction_changes");

    @Test
    void choosesTheVariantForTheServerVersion() {
        String sql = "SELECT {{pg15: a.new | NULL::text}} AS x, {{pg17: c.latest | {{pg15: c.newer | c.old}}}} AS y";

        assertThat(CatalogSql.forVersion(sql, 13)).isEqualTo("SELECT NULL::text AS x, c.old AS y");
        assertThat(CatalogSql.forVersion(sql, 15)).isEqualTo("SELECT a.new AS x, c.newer AS y");
        assertThat(CatalogSql.forVersion(sql, 18)).isEqualTo("SELECT a.new AS x, c.latest AS y");
    }

    @Test
    void keepsConcatenation() {
        assertThat(CatalogSql.forVersion("SELECT {{pg14: a || b | b}}", 14)).isEqualTo("SELECT a || b");
    }

    @Test
    void aScopedReadKeepsWhatIsMarkedScopedAndTheWholeReadWhatIsMarkedWhole() {
        String sql = "SELECT x FROM {{whole: all_of_it}}{{scoped: lookups}} WHERE true {{scoped: AND oid = ANY (@scope)}}";

        assertThat(CatalogSql.scoped(sql, false)).isEqualTo("SELECT x FROM all_of_it WHERE true ");
        assertThat(CatalogSql.scoped(sql, true)).isEqualTo("SELECT x FROM lookups WHERE true AND oid = ANY ("
                + CatalogSql.SCOPE + ")");
    }

    @ParameterizedTest
    @ValueSource(ints = {13, 14, 15, 16, 17, 18})
    void everyQueryResolvesForEverySupportedVersion(int version) {
        for (String kind : KINDS) {
            assertThat(CatalogSql.load(kind, version)).as(kind).doesNotContain("{{", "}}").contains("SELECT");
            assertThat(CatalogSql.load(kind, version, true)).as(kind).doesNotContain("{{", "}}").contains("SELECT");
        }
    }
}
