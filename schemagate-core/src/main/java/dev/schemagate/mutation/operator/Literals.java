package dev.schemagate.mutation.operator;

import java.util.Optional;

/** Another literal of the same kind: a number plus one, the other boolean, a string with a suffix. */
final class Literals {

    private Literals() {
    }

    /**
     * @param textual whether a string may take another value (a string for an enum or a date would
     *                not be valid, which is not the mistake meant here)
     */
    static Optional<String> other(String value, boolean textual) {
        String v = value.trim();
        if (v.equalsIgnoreCase("true")) {
            return Optional.of("false");
        }
        if (v.equalsIgnoreCase("false")) {
            return Optional.of("true");
        }
        if (v.matches("-?\\d+")) {
            return Optional.of(new java.math.BigInteger(v).add(java.math.BigInteger.ONE).toString());
        }
        if (v.matches("-?\\d+\\.\\d+")) {
            return Optional.of(new java.math.BigDecimal(v).add(java.math.BigDecimal.ONE).toPlainString());
        }
        if (textual && v.startsWith("'") && v.endsWith("'") && v.length() >= 2) {
            return Optional.of(v.substring(0, v.length() - 1) + "x'");
        }
        return Optional.empty();
    }
}
