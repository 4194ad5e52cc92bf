package dev.schemagate.postgres.data;

import dev.schemagate.data.ProbeOutcome;
import dev.schemagate.data.ProbeOutcome.Breach;
import dev.schemagate.data.ProbeOutcome.Kind;
import dev.schemagate.data.ProbeOutcome.Verdict;
import dev.schemagate.model.QualifiedName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The constraint probes on one database holding a schema per fixture: a healthy schema with every
 * kind of constraint, each held, and one schema per way enforcement silently fails, each caught.
 */
class ConstraintProbesTest {

    private static Fixture fixture;
    private static List<ProbeOutcome> outcomes;

    @BeforeAll
    static void probe() throws Exception {
        fixture = Fixture.ofResource("probes.sql");
        var snapshot = fixture.snapshot();
        fixture.connection.setAutoCommit(false);
        outcomes = new ConstraintProbes().probe(fixture.connection, snapshot);
        fixture.connection.rollback();
        fixture.connection.setAutoCommit(true);
    }

    @AfterAll
    static void drop() throws Exception {
        fixture.close();
    }

    private static List<ProbeOutcome> of(String schema) {
        return outcomes.stream().filter(o -> o.table().schema().equals(schema)).toList();
    }

    private static List<ProbeOutcome> broken(String schema) {
        return of(schema).stream().filter(o -> o.verdict() == Verdict.BROKEN).toList();
    }

    private static ProbeOutcome one(String schema, String table, String subject, Kind kind) {
        return outcomes.stream().filter(o -> o.table().equals(QualifiedName.of(schema, table))
                && o.subject().equals(subject) && o.kind() == kind).findFirst().orElseThrow(() ->
                new AssertionError("no " + kind + " probe of " + subject + " in " + of(schema)));
    }

    @Test
    void everyKindOfConstraintIsProbedAndHolds() {
        assertThat(broken("healthy")).isEmpty();
        assertThat(of("healthy")).filteredOn(o -> o.verdict() == Verdict.SKIPPED).isEmpty();
        assertThat(one("healthy", "customer", "customer", Kind.WRITE).verdict()).isEqualTo(Verdict.HELD);
        assertThat(one("healthy", "customer", "email", Kind.NOT_NULL).verdict()).isEqualTo(Verdict.HELD);
        assertThat(one("healthy", "customer", "customer_age_check", Kind.CHECK).verdict()).isEqualTo(Verdict.HELD);
        assertThat(one("healthy", "customer", "customer_email_key", Kind.UNIQUE).verdict()).isEqualTo(Verdict.HELD);
        assertThat(one("healthy", "customer", "customer_pkey", Kind.PRIMARY_KEY).verdict()).isEqualTo(Verdict.HELD);
        assertThat(one("healthy", "orders", "orders_customer_id_fkey", Kind.FOREIGN_KEY).verdict()).isEqualTo(Verdict.HELD);
        assertThat(one("healthy", "orders", "orders_status_check", Kind.CHECK).verdict()).isEqualTo(Verdict.HELD);
        assertThat(one("healthy", "orders", "healthy.positive.positive_check (column quantity)", Kind.DOMAIN).verdict())
                .isEqualTo(Verdict.HELD);
        assertThat(one("healthy", "booking", "booking_no_overlap", Kind.EXCLUSION).verdict()).isEqualTo(Verdict.HELD);
        assertThat(one("healthy", "booking", "booking_no_overlap", Kind.EXCLUSION).observed()).contains("23P01");
    }

    @Test
    void aPartialExclusionConstraintIsProbedInsideItsWhereClause() {
        ProbeOutcome partial = one("healthy", "seat", "seat_one_booked", Kind.EXCLUSION);
        assertThat(partial.verdict()).isEqualTo(Verdict.HELD);
        assertThat(partial.observed()).contains("23P01");
        assertThat(partial.tried()).contains("SET \"status\" = 'booked'::text");
        ProbeOutcome unprovable = one("unprovable", "slot", "slot_big_rooms", Kind.EXCLUSION);
        assertThat(unprovable.verdict()).isEqualTo(Verdict.SKIPPED);
        assertThat(unprovable.observed()).contains("a WHERE clause the probe cannot put a row inside");
    }

    @Test
    void aTableKeyedByItsForeignKeysIsProbedFromItsKeptRow() {
        assertThat(one("healthy", "order_tag", "order_tag_pkey", Kind.PRIMARY_KEY).verdict()).isEqualTo(Verdict.HELD);
        assertThat(one("healthy", "order_tag", "order_tag_tag_id_fkey", Kind.FOREIGN_KEY).verdict()).isEqualTo(Verdict.HELD);
        assertThat(one("healthy", "order_tag", "order_tag_order_id_fkey", Kind.ON_DELETE).verdict()).isEqualTo(Verdict.HELD);
        assertThat(one("healthy", "order_tag", "order_id", Kind.NOT_NULL).verdict()).isEqualTo(Verdict.HELD);
    }

    @Test
    void foreignKeyActionsDoWhatTheyDeclare() {
        assertThat(one("healthy", "orders", "orders_customer_id_fkey", Kind.ON_DELETE).verdict()).isEqualTo(Verdict.HELD);
        assertThat(one("healthy", "note", "note_order_id_fkey", Kind.ON_DELETE).verdict()).isEqualTo(Verdict.HELD);
        ProbeOutcome restrict = one("healthy", "note", "note_owner_id_fkey", Kind.ON_DELETE);
        assertThat(restrict.verdict()).isEqualTo(Verdict.HELD);
        assertThat(restrict.observed()).contains("23503");
    }

    @Test
    void foreignKeyUpdateActionsDoWhatTheyDeclare() {
        ProbeOutcome cascade = one("healthy", "order_tag", "order_tag_tag_id_fkey", Kind.ON_UPDATE);
        assertThat(cascade.verdict()).isEqualTo(Verdict.HELD);
        assertThat(cascade.observed()).contains("at the new key: 1");
        assertThat(cascade.tried()).startsWith("UPDATE \"healthy\".\"tag\" SET \"id\" = ");
        assertThat(one("healthy", "note", "note_order_id_fkey", Kind.ON_UPDATE).verdict()).isEqualTo(Verdict.HELD);
        ProbeOutcome noAction = one("healthy", "orders", "orders_customer_id_fkey", Kind.ON_UPDATE);
        assertThat(noAction.verdict()).isEqualTo(Verdict.HELD);
        assertThat(noAction.tried()).contains("SET \"id\" = DEFAULT");
        assertThat(noAction.observed()).contains("23503");
        assertThat(one("healthy", "shipment", "shipment_order_id_fkey", Kind.ON_UPDATE).verdict()).isEqualTo(Verdict.HELD);
    }

    /** frozen: a trigger on the child drops the cascaded update; unhooked: the parent's triggers are disabled. */
    @ParameterizedTest
    @CsvSource({"frozen, HELD", "unhooked, BROKEN"})
    void anUpdateCascadeThatDoesNotReachTheChildIsCaught(String schema, Verdict delete) {
        ProbeOutcome update = one(schema, "child", "child_parent_fk", Kind.ON_UPDATE);
        assertThat(update.breach()).isEqualTo(Breach.ACTION);
        assertThat(update.observed()).contains("still pointing at the old key: 1, at the new key: 0");
        assertThat(one(schema, "child", "child_parent_fk", Kind.ON_DELETE).verdict()).isEqualTo(delete);
    }

    @Test
    void deferrableConstraintsWaitUntilMadeImmediate() {
        assertThat(one("healthy", "shipment", "shipment_order_id_fkey", Kind.DEFERRAL).verdict()).isEqualTo(Verdict.HELD);
        assertThat(one("healthy", "shipment", "shipment_order_id_fkey", Kind.FOREIGN_KEY).verdict()).isEqualTo(Verdict.HELD);
        assertThat(one("healthy", "shipment", "shipment_code_key", Kind.DEFERRAL).verdict()).isEqualTo(Verdict.HELD);
    }

    @Test
    void aNotValidForeignKeyStillChecksNewRows() {
        assertThat(broken("notvalid")).isEmpty();
        assertThat(one("notvalid", "child", "child_parent_fk", Kind.FOREIGN_KEY).verdict()).isEqualTo(Verdict.HELD);
    }

    @Test
    void triggersDisabledSwitchTheForeignKeyOff() {
        ProbeOutcome key = one("disabled", "child", "child_parent_fk", Kind.FOREIGN_KEY);
        assertThat(key.verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(key.breach()).isEqualTo(Breach.ACCEPTED);
        assertThat(key.observed()).contains("triggers are disabled");
        assertThat(key.tried()).startsWith("INSERT INTO \"disabled\".\"child\"");
    }

    @Test
    void aCheckNoRowCanSatisfyLeavesTheTableUnwritable() {
        ProbeOutcome write = one("nocheck", "item", "item_qty_check", Kind.WRITE);
        assertThat(write.breach()).isEqualTo(Breach.UNSATISFIED);
        assertThat(write.observed()).contains("23514");
    }

    @Test
    void aTriggerThatSwallowsTheWriteIsCaught() {
        assertThat(one("swallow", "event", "event", Kind.WRITE).breach()).isEqualTo(Breach.LOST);
        assertThat(one("swallow", "event", "event", Kind.WRITE).observed()).contains("event_drop");
    }

    @Test
    void aTriggerThatChangesAValueIsCaught() {
        ProbeOutcome write = one("rewrite", "account", "account", Kind.WRITE);
        assertThat(write.breach()).isEqualTo(Breach.REWRITTEN);
        assertThat(write.observed()).contains("plan: wrote").contains("stored 'free'").contains("account_plan");
    }

    @Test
    void aRuleThatDoesNothingInsteadIsCaught() {
        ProbeOutcome write = one("ruled", "log", "log", Kind.WRITE);
        assertThat(write.breach()).isEqualTo(Breach.LOST);
        assertThat(write.observed()).contains("log_nothing");
    }

    @Test
    void aPolicyThatRefusesEveryInsertIsCaught() {
        ProbeOutcome write = one("secured", "doc", "row security", Kind.WRITE);
        assertThat(write.breach()).isEqualTo(Breach.REFUSED);
        assertThat(write.observed()).contains("doc_insert");
    }

    @Test
    void aTriggerThatCascadesWhereTheKeyRefusesIsCaught() {
        ProbeOutcome delete = one("cascading", "child", "child_parent_fk", Kind.ON_DELETE);
        assertThat(delete.breach()).isEqualTo(Breach.ACTION);
        assertThat(delete.observed()).contains("the delete went through");
    }
}
