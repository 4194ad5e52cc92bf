package dev.schemagate.postgres.introspect;

import dev.schemagate.model.Constraint;
import dev.schemagate.model.DomainConstraint;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Snapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/** The snapshot round trip over the project's own fixture, which uses every feature the model records. */
class FixtureRoundTripTest {

    static final String[] ROLES = {"schemagate_reader", "schemagate_owner"};

    @BeforeAll
    static void roles() throws Exception {
        try (var database = RoundTrip.server().createDatabase(); Connection connection = database.connect()) {
            RoundTrip.createRoles(connection, ROLES);
        }
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = FixtureRoundTripTest.class.getResourceAsStream("/dev/schemagate/postgres/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everythingSurvivesJsonAndTheSchemaFile() throws Exception {
        Snapshot snapshot = RoundTrip.check("everything", fixture("everything.sql"));

        assertThat(snapshot.tables()).hasSize(15);
        assertThat(snapshot.tables().stream().flatMap(table -> table.constraints().stream()).map(Constraint::type))
                .containsOnly(Constraint.Type.values());
        assertThat(snapshot.postgres().domain(QualifiedName.of("shop", "code")).orElseThrow().constraints())
                .extracting(DomainConstraint::validated).containsExactly(true, false);
    }
}
