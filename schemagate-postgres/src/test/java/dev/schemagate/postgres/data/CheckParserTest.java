package dev.schemagate.postgres.data;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** CHECK constraints as pg_get_constraintdef renders them, read into hints without a database. */
class CheckParserTest {

    @Test
    void boundsIgnoreCastsAndParentheses() {
        Hints hints = CheckParser.hints(List.of("CHECK ((price >= (0)::numeric))", "CHECK (((qty > 0) AND (qty <= 10)))"),
                "price");
        Hints qty = CheckParser.hints(List.of("CHECK (((qty > 0) AND (qty <= 10)))"), "qty");

        assertThat(hints.min()).isEqualTo(new Hints.Bound(BigDecimal.ZERO, false));
        assertThat(hints.max()).isNull();
        assertThat(qty.min()).isEqualTo(new Hints.Bound(BigDecimal.ZERO, true));
        assertThat(qty.max()).isEqualTo(new Hints.Bound(BigDecimal.TEN, false));
    }

    @Test
    void anyArrayListsTheAllowedValuesWhateverTheCasts() {
        Hints text = CheckParser.hints(List.of("CHECK ((kind = ANY (ARRAY['a'::text, 'it''s'::text])))"), "kind");
        Hints varchar = CheckParser.hints(List.of("CHECK (((kind)::text = ANY ((ARRAY['a'::character varying, "
                + "'b'::character varying])::text[])))"), "kind");

        assertThat(text.allowed()).containsExactly("'a'", "'it''s'");
        assertThat(varchar.allowed()).containsExactly("'a'", "'b'");
    }

    @Test
    void equalitiesThatAreAlternativesOfAnOrAreAllowedValuesButNotThoseInsideAnAnd() {
        Hints hints = CheckParser.hints(List.of("CHECK (((state = 128) OR (state = 1) OR ((state = 2) AND "
                + "(x IS NOT NULL))))"), "state");

        assertThat(hints.allowed()).containsExactly("128", "1");
    }

    @Test
    void lengthsCaseAndEmptinessOfText() {
        Hints hints = CheckParser.hints(List.of("CHECK (((label = upper(label)) AND (label <> ''::text) AND "
                + "(length(label) <= 4)))", "CHECK ((char_length((label)::text) > 1))"), "label");

        assertThat(hints.letters()).isEqualTo(Hints.Letters.UPPER);
        assertThat(hints.maxLength()).isEqualTo(4);
        assertThat(hints.minLength()).isEqualTo(2);
    }

    @Test
    void quotedColumnNamesAndDomainValuesAreSubjectsToo() {
        Hints quoted = CheckParser.hints(List.of("CHECK ((\"Max Size\" < 100))"), "Max Size");
        Hints domain = CheckParser.hints(List.of("CHECK ((VALUE > 0))"), "VALUE");

        assertThat(quoted.max()).isEqualTo(new Hints.Bound(BigDecimal.valueOf(100), true));
        assertThat(domain.min()).isEqualTo(new Hints.Bound(BigDecimal.ZERO, true));
    }

    @Test
    void anotherColumnWithTheSubjectAsPrefixIsNotTheSubject() {
        Hints hints = CheckParser.hints(List.of("CHECK ((price_max >= 5))"), "price");

        assertThat(hints).isEqualTo(Hints.NONE);
    }
}
