package dev.schemagate.mysql.plan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which MySQL type changes keep every value (not held back) and which copy the table. */
class TypeChangeTest {

    @Test
    void widerTypesKeepEveryValue() {
        assertThat(TypeChange.keepsValues("smallint(6)", "int(11)")).isTrue();
        assertThat(TypeChange.keepsValues("int(10) unsigned", "bigint(20)")).isTrue();
        assertThat(TypeChange.keepsValues("varchar(100)", "varchar(200)")).isTrue();
        assertThat(TypeChange.keepsValues("varchar(100)", "text")).isTrue();
        assertThat(TypeChange.keepsValues("decimal(8,2)", "decimal(10,2)")).isTrue();
        assertThat(TypeChange.keepsValues("enum('a','b')", "enum('a','b','c')")).isTrue();
        assertThat(TypeChange.keepsValues("blob", "longblob")).isTrue();
    }

    @Test
    void narrowerOrOtherTypesMayNot() {
        assertThat(TypeChange.keepsValues("int(11)", "smallint(6)")).isFalse();
        assertThat(TypeChange.keepsValues("int(11)", "int(10) unsigned")).isFalse();
        assertThat(TypeChange.keepsValues("int(10) unsigned", "int(11)")).isFalse();
        assertThat(TypeChange.keepsValues("varchar(200)", "varchar(100)")).isFalse();
        assertThat(TypeChange.keepsValues("decimal(10,2)", "decimal(10,3)")).isFalse();
        assertThat(TypeChange.keepsValues("enum('a','b')", "enum('a','bc')")).isFalse();
        assertThat(TypeChange.keepsValues("enum('a','b')", "enum('b','a')")).isFalse();
        assertThat(TypeChange.keepsValues("text", "varchar(10)")).isFalse();
        assertThat(TypeChange.keepsValues("datetime", "date")).isFalse();
    }

    @Test
    void valuesAppendedToAnEnumOfTheSameSizeChangeOnlyTheDefinition() {
        assertThat(TypeChange.appendsValues("enum('a','b')", "enum('a','b','c')")).isTrue();
        assertThat(TypeChange.appendsValues("set('a','b')", "set('a','b','c')")).isTrue();
        assertThat(TypeChange.appendsValues("set('1','2','3','4','5','6','7','8')", "set('1','2','3','4','5','6','7','8','9')"))
                .isFalse();
        assertThat(TypeChange.appendsValues("enum('a','b')", "enum('c','a','b')")).isFalse();
    }
}
