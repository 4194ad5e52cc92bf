package dev.schemagate.postgres.data;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Values of the built-in PostgreSQL types, as literals cast to the column's type; each value is
 * derived from a row number {@code k} (and a salt for the random-looking ones), so it is
 * deterministic, and distinct rows get distinct values.
 */
final class Scalars {

    private static final BigInteger SPAN_CAP = BigInteger.valueOf(1_000_000_000L);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The built-in types whose values are letters. */
    static final Set<String> LETTERS = Set.of("text", "name", "citext", "character varying", "character", "\"char\"", "tsvector");

    private Scalars() {
    }

    /** Whether the values of the type are letters (a built-in text type). */
    static boolean letters(TypeName type) {
        return type.base() != null && LETTERS.contains(type.base());
    }

    /** A generator for a built-in type, or null when this type is not one it knows. */
    static Generator forType(TypeName type, Hints hints, long salt) {
        String base = type.base();
        return switch (base) {
            case "smallint" -> integer(type, hints, Short.MIN_VALUE, Short.MAX_VALUE);
            case "integer" -> integer(type, hints, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case "bigint" -> integer(type, hints, Long.MIN_VALUE, Long.MAX_VALUE);
            case "numeric" -> numeric(type, hints);
            case "real", "double precision" -> decimal(type, hints, BigDecimal.valueOf(1_000_000_000_000L), "0.5");
            case "money" -> decimal(type, hints, BigDecimal.valueOf(1_000_000_000_000L), "0.25");
            case "boolean" -> k -> Math.floorMod(k, 2) == 0 ? "true" : "false";
            case "text", "name", "citext" -> letters(type, hints, Integer.MAX_VALUE);
            case "character varying" -> letters(type, hints, type.modifier(0, Integer.MAX_VALUE));
            case "character" -> letters(type, hints, type.modifier(0, 1));
            case "\"char\"" -> letters(type, hints, 1);
            case "tsvector" -> letters(type, hints, 12);
            case "uuid" -> k -> cast(uuid(salt, k), type);
            case "json", "jsonb" -> k -> cast("{\"n\": " + k + ", \"s\": \"" + letters(k, 6, hints) + "\"}", type);
            case "xml" -> k -> cast("<v>" + k + "</v>", type);
            case "bytea" -> k -> cast(String.format("\\x%016x", k), type);
            case "date" -> k -> cast(LocalDate.of(2000, 1, 1).plusDays(Math.floorMod(k, 36_500)).toString(), type);
            case "timestamp without time zone" -> k -> cast(timestamp(k), type);
            case "timestamp with time zone" -> k -> cast(timestamp(k) + "+00", type);
            case "time without time zone" -> k -> cast(time(k), type);
            case "time with time zone" -> k -> cast(time(k) + "+00", type);
            case "inet" -> k -> cast("10." + octets(k, 3), type);
            case "cidr" -> k -> cast("10." + octets(k, 2) + ".0/24", type);
            case "macaddr" -> k -> cast("08:00:2b:" + hexOctets(k), type);
            case "macaddr8" -> k -> cast("08:00:2b:00:00:" + hexOctets(k), type);
            case "bit" -> bits(type, type.modifier(0, 1));
            case "bit varying" -> bits(type, Math.min(16, type.modifier(0, 16)));
            default -> base.startsWith("interval") ? k -> cast(Math.floorMod(k, 100_000) + " minutes", type) : null;
        };
    }

    static String cast(String value, TypeName type) {
        return Quote.literal(value) + "::" + type.text();
    }

    private static Generator integer(TypeName type, Hints hints, long min, long max) {
        BigInteger[] range = range(BigDecimal.valueOf(min), BigDecimal.valueOf(max), hints, BigDecimal.ZERO);
        return k -> cast(pick(range, k).toString(), type);
    }

    private static Generator numeric(TypeName type, Hints hints) {
        int precision = type.modifier(0, -1);
        int scale = type.modifier(1, 0);
        if (precision < 0) {
            return decimal(type, hints, BigDecimal.valueOf(1_000_000_000_000L), "0.5");
        }
        if (precision == scale) {
            long room = BigInteger.TEN.pow(Math.min(scale, 18)).longValueExact() - 1;
            return k -> cast("0." + String.format("%0" + scale + "d", 1 + Math.floorMod(k, Math.max(room, 1))), type);
        }
        BigDecimal limit = BigDecimal.TEN.pow(Math.min(precision - scale, 15)).subtract(BigDecimal.ONE);
        return decimal(type, hints, limit, scale == 0 ? "0" : "0.5");
    }

    private static Generator decimal(TypeName type, Hints hints, BigDecimal limit, String fraction) {
        BigDecimal part = new BigDecimal(fraction);
        BigInteger[] range = range(limit.negate(), limit.subtract(part), hints, part);
        return k -> cast(new BigDecimal(pick(range, k)).add(part).toPlainString(), type);
    }

    /** The whole numbers {@code n} for which {@code n + fraction} is within the type's limits and the hints' bounds. */
    private static BigInteger[] range(BigDecimal min, BigDecimal max, Hints hints, BigDecimal fraction) {
        BigInteger low = min.setScale(0, RoundingMode.CEILING).toBigInteger();
        BigInteger high = max.setScale(0, RoundingMode.FLOOR).toBigInteger();
        if (hints.min() != null) {
            BigDecimal bound = hints.min().value().subtract(fraction);
            BigInteger n = bound.setScale(0, RoundingMode.CEILING).toBigInteger();
            boolean onBound = new BigDecimal(n).compareTo(bound) == 0;
            low = low.max(hints.min().strict() && onBound ? n.add(BigInteger.ONE) : n);
        }
        if (hints.max() != null) {
            BigDecimal bound = hints.max().value().subtract(fraction);
            BigInteger n = bound.setScale(0, RoundingMode.FLOOR).toBigInteger();
            boolean onBound = new BigDecimal(n).compareTo(bound) == 0;
            high = high.min(hints.max().strict() && onBound ? n.subtract(BigInteger.ONE) : n);
        }
        return new BigInteger[] {low, high.max(low)};
    }

    /** Counts up from 1 when the range allows it, else from the end nearest to it. */
    private static BigInteger pick(BigInteger[] range, long k) {
        BigInteger low = range[0];
        BigInteger high = range[1];
        BigInteger start;
        if (low.compareTo(BigInteger.ONE) <= 0 && high.compareTo(BigInteger.ONE) >= 0) {
            start = BigInteger.ONE;
        } else if (low.compareTo(BigInteger.ONE) > 0) {
            start = low;
        } else {
            start = high.subtract(SPAN_CAP).add(BigInteger.ONE).max(low);
        }
        BigInteger span = high.subtract(start).add(BigInteger.ONE).min(SPAN_CAP);
        return start.add(BigInteger.valueOf(k).mod(span));
    }

    private static Generator letters(TypeName type, Hints hints, int typeLength) {
        int most = Math.min(typeLength, hints.maxLength() == null ? Integer.MAX_VALUE : hints.maxLength());
        int least = hints.minLength() == null ? 0 : hints.minLength();
        int width = Math.max(0, Math.min(most, Math.max(8, least)));
        return k -> cast(letters(k, width, hints), type);
    }

    /** {@code k} in base 26, {@code width} letters (a few distinct ones, then padding, past 8). */
    private static String letters(long k, int width, Hints hints) {
        int digits = Math.min(width, 8);
        long value = Math.floorMod(k, (long) Math.pow(26, digits));
        char[] text = new char[width];
        Arrays.fill(text, 'x');
        for (int i = digits - 1; i >= 0; i--) {
            text[i] = (char) ('a' + value % 26);
            value /= 26;
        }
        String word = new String(text);
        return hints.letters() == Hints.Letters.UPPER ? word.toUpperCase(Locale.ROOT) : word;
    }

    private static Generator bits(TypeName type, int width) {
        int digits = Math.min(width, 62);
        return k -> {
            String bits = Long.toBinaryString(Math.floorMod(k, 1L << digits));
            return cast("0".repeat(width - bits.length()) + bits, type);
        };
    }

    private static String timestamp(long k) {
        return LocalDateTime.of(2020, 1, 1, 0, 0).plusSeconds(Math.floorMod(k, 1_000_000L) * 3_607L).format(TIMESTAMP);
    }

    private static String time(long k) {
        return LocalTime.ofSecondOfDay(Math.floorMod(k * 61, 86_400L)).toString();
    }

    private static String octets(long k, int count) {
        long value = Math.floorMod(k, 1L << (8 * count));
        StringBuilder text = new StringBuilder();
        for (int i = count - 1; i >= 0; i--) {
            text.append(text.isEmpty() ? "" : ".").append((value >> (8 * i)) & 0xff);
        }
        return text.toString();
    }

    private static String hexOctets(long k) {
        long value = Math.floorMod(k, 1L << 24);
        return String.format("%02x:%02x:%02x", (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff);
    }

    private static String uuid(long salt, long k) {
        long high = Mix.mix(salt, k);
        long low = Mix.mix(high, k);
        high = (high & ~0xf000L) | 0x4000L;
        low = (low & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
