package dev.schemagate.postgres.data;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the CHECK constraints of a column (or a domain) ask of its values, in the few common forms
 * generated values can honour up front; anything else is left to the database to judge.
 *
 * @param min       a lower bound, or null
 * @param max       an upper bound, or null
 * @param allowed   the only values allowed, as SQL literals ({@code 'a'}, {@code 3}), or empty for any
 * @param minLength a lower bound on the length of text, or null
 * @param maxLength an upper bound on the length of text, or null
 * @param letters   the case text must be in
 */
record Hints(Bound min, Bound max, List<String> allowed, Integer minLength, Integer maxLength, Letters letters) {

    static final Hints NONE = new Hints(null, null, List.of(), null, null, Letters.LOWER);

    /** A bound on a number; strict for {@code <} and {@code >}. */
    record Bound(BigDecimal value, boolean strict) {
    }

    /** The case of generated letters; lower unless a check asks for upper case. */
    enum Letters { LOWER, UPPER }

    Hints {
        allowed = List.copyOf(allowed);
    }

    Hints withMin(Bound bound) {
        return new Hints(min == null || bound.value().compareTo(min.value()) > 0 ? bound : min, max, allowed,
                minLength, maxLength, letters);
    }

    Hints withMax(Bound bound) {
        return new Hints(min, max == null || bound.value().compareTo(max.value()) < 0 ? bound : max, allowed,
                minLength, maxLength, letters);
    }

    Hints withAllowed(List<String> values) {
        return new Hints(min, max, allowed.isEmpty() ? values : allowed, minLength, maxLength, letters);
    }

    Hints withMinLength(int length) {
        return new Hints(min, max, allowed, minLength == null ? length : Math.max(minLength, length), maxLength,
                letters);
    }

    Hints withMaxLength(int length) {
        return new Hints(min, max, allowed, minLength, maxLength == null ? length : Math.min(maxLength, length),
                letters);
    }

    Hints withLetters(Letters wanted) {
        return new Hints(min, max, allowed, minLength, maxLength, wanted);
    }

    /** These hints narrowed further by {@code other}'s (a domain's on top of a column's). */
    Hints and(Hints other) {
        Hints merged = this;
        merged = other.min == null ? merged : merged.withMin(other.min);
        merged = other.max == null ? merged : merged.withMax(other.max);
        merged = merged.withAllowed(other.allowed);
        merged = other.minLength == null ? merged : merged.withMinLength(other.minLength);
        merged = other.maxLength == null ? merged : merged.withMaxLength(other.maxLength);
        return other.letters == Letters.UPPER ? merged.withLetters(Letters.UPPER) : merged;
    }
}
