package dev.schemagate.postgres.lint;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which column defaults can make ADD COLUMN rewrite the table, judged from the text. */
class VolatileDefaultTest {

    @ParameterizedTest
    @ValueSource(strings = {"gen_random_uuid()", "clock_timestamp()", "nextval('s')", "random() * 10",
            "now() + (random() * interval '1 day')"})
    void aCallToAFunctionThatMayBeVolatileIsSuspect(String expression) {
        assertThat(VolatileDefault.callsVolatile(expression)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"now()", "NOW ()", "'x'::varchar(20)", "0", "'pending'::character varying(10)",
            "transaction_timestamp()", "current_timestamp", "'1.5'::numeric(10,2)"})
    void constantsStableFunctionsAndTypeModifiersAreNot(String expression) {
        assertThat(VolatileDefault.callsVolatile(expression)).isFalse();
    }
}
