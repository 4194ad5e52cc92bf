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
            case "boolean" -> Generator.of(k -> Math.floorMod(k, 2) == 0 ? "true" : "false", k -> "(mod(" + k + ", 2) = 0)");
            case "text", "name", "citext" -> letters(type, hints, Integer.MAX_VALUE);
            case "character varying" -> letters(type, hints, type.modifier(0, Integer.MAX_VALUE));
            case "character" -> letters(type, hints, type.modifier(0, 1));
            case "\"char\"" -> letters(type, hints, 1);
            case "tsvector" -> letters(type, hints, 12);
            case "uuid" -> Generator.of(k -> cast(uuid(salt, k), type),
                    k -> "(md5(" + salt + " || ':' || " + k + "))::" + type.text());
            case "json", "jsonb" -> Generator.of(k -> cast("{\"n\": " + k + ", \"s\": \"" + letters(k, 6, hints) + "\"}", type),
                    k -> "('{\"n\": ' || " + k + " || ', \"s\": \"' || " + lettersSql(k, 6, hints) + " || '\"}')::" + type.text());
            case "xml" -> Generator.of(k -> cast("<v>" + k + "</v>", type), k -> "('<v>' || " + k + " || '</v>')::" + type.text());
            case "bytea" -> Generator.of(k -> cast(String.format("\\x%016x", k), type),
                    k -> "decode(lpad(to_hex(" + k + "), 16, '0'), 'hex')::" + type.text());
            case "date" -> Generator.of(k -> cast(LocalDate.of(2000, 1, 1).plusDays(Math.floorMod(k, 36_500)).toString(), type),
                    k -> "(date '2000-01-01' + mod(" + k + ", 36500)::integer)::" + type.text());
            case "timestamp without time zone" -> Generator.of(k -> cast(timestamp(k), type), k -> "(" + timestampSql(k) + ")::" + type.text());
            case "timestamp with time zone" -> Generator.of(k -> cast(timestamp(k) + "+00", type),
                    k -> "((" + timestampSql(k) + ") AT TIME ZONE 'UTC')::" + type.text());
            case "time without time zone" -> Generator.of(k -> cast(time(k), type), k -> "(" + timeSql(k) + ")::" + type.text());
            case "time with time zone" -> Generator.of(k -> cast(time(k) + "+00", type),
                    k -> "((" + timeSql(k) + ")::text || '+00')::" + type.text());
            case "inet" -> Generator.of(k -> cast("10." + octets(k, 3), type), k -> "('10.' || " + octetsSql(k, 3) + ")::" + type.text());
            case "cidr" -> Generator.of(k -> cast("10." + octets(k, 2) + ".0/24", type),
                    k -> "('10.' || " + octetsSql(k, 2) + " || '.0/24')::" + type.text());
            case "macaddr" -> Generator.of(k -> cast("08:00:2b:" + hexOctets(k), type),
                    k -> "('08:00:2b:' || " + hexOctetsSql(k) + ")::" + type.text());
            case "macaddr8" -> Generator.of(k -> cast("08:00:2b:00:00:" + hexOctets(k), type),
                    k -> "('08:00:2b:00:00:' || " + hexOctetsSql(k) + ")::" + type.text());
            case "bit" -> bits(type, type.modifier(0, 1));
            case "bit varying" -> bits(type, Math.min(16, type.modifier(0, 16)));
            default -> base.startsWith("interval") ? Generator.of(k -> cast(Math.floorMod(k, 100_000) + " minutes", type),
                    k -> "(mod(" + k + ", 100000) || ' minutes')::" + type.text()) : null;
        };
    }

    static String cast(String value, TypeName type) {
        return Quote.literal(value) + "::" + type.text();
    }

    private static Generator integer(TypeName type, Hints hints, long min, long max) {
        BigInteger[] range = range(BigDecimal.valueOf(min), BigDecimal.valueOf(max), hints, BigDecimal.ZERO);
        return Generator.of(k -> cast(pick(range, k).toString(), type), k -> "(" + pickSql(range, k) + ")::" + type.text());
    }

    private static Generator numeric(TypeName type, Hints hints) {
        int precision = type.modifier(0, -1);
        int scale = type.modifier(1, 0);
        if (precision < 0) {
            return decimal(type, hints, BigDecimal.valueOf(1_000_000_000_000L), "0.5");
        }
        if (precision == scale) {
            long room = BigInteger.TEN.pow(Math.min(scale, 18)).longValueExact() - 1;
            long span = Math.max(room, 1);
            return Generator.of(k -> cast("0." + String.format("%0" + scale + "d", 1 + Math.floorMod(k, span)), type),
                    k -> "((1 + mod(" + k + ", " + span + "))::numeric / (10::numeric ^ " + scale + "))::" + type.text());
        }
        BigDecimal limit = BigDecimal.TEN.pow(Math.min(precision - scale, 15)).subtract(BigDecimal.ONE);
        return decimal(type, hints, limit, scale == 0 ? "0" : "0.5");
    }

    private static Generator decimal(TypeName type, Hints hints, BigDecimal limit, String fraction) {
        BigDecimal part = new BigDecimal(fraction);
        BigInteger[] range = range(limit.negate(), limit.subtract(part), hints, part);
        return Generator.of(k -> cast(new BigDecimal(pick(range, k)).add(part).toPlainString(), type),
                k -> "(" + pickSql(range, k) + " + " + part.toPlainString() + ")::" + type.text());
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
        BigInteger start = start(range);
        return start.add(BigInteger.valueOf(k).mod(span(range, start)));
    }

    /** {@link #pick} as an SQL expression of {@code k} (of type numeric). */
    private static String pickSql(BigInteger[] range, String k) {
        BigInteger start = start(range);
        return "(" + start + "::numeric + mod(" + k + ", " + span(range, start) + "))";
    }

    private static BigInteger start(BigInteger[] range) {
        BigInteger low = range[0];
        BigInteger high = range[1];
        if (low.compareTo(BigInteger.ONE) <= 0 && high.compareTo(BigInteger.ONE) >= 0) {
            return BigInteger.ONE;
        } else if (low.compareTo(BigInteger.ONE) > 0) {
            return low;
        }
        return high.subtract(SPAN_CAP).add(BigInteger.ONE).max(low);
    }

    private static BigInteger span(BigInteger[] range, BigInteger start) {
        return range[1].subtract(start).add(BigInteger.ONE).min(SPAN_CAP);
    }

    private static Generator letters(TypeName type, Hints hints, int typeLength) {
        int most = Math.min(typeLength, hints.maxLength() == null ? Integer.MAX_VALUE : hints.maxLength());
        int least = hints.minLength() == null ? 0 : hints.minLength();
        int width = Math.max(0, Math.min(most, Math.max(8, least)));
        return Generator.of(k -> cast(letters(k, width, hints), type), k -> "(" + lettersSql(k, width, hints) + ")::" + type.text());
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

    /** {@link #letters(long, int, Hints)} as an SQL expression of {@code k}, of type text. */
    private static String lettersSql(String k, int width, Hints hints) {
        int digits = Math.min(width, 8);
        long modulus = (long) Math.pow(26, digits);
        StringBuilder text = new StringBuilder("(''");
        for (int i = 0; i < digits; i++) {
            long place = (long) Math.pow(26, digits - 1 - i);
            text.append(" || chr(97 + (mod(").append(k).append(", ").append(modulus).append(") / ").append(place)
                    .append(" % 26)::integer)");
        }
        text.append(" || repeat('x', ").append(width - digits).append("))");
        return hints.letters() == Hints.Letters.UPPER ? "upper" + text : text.toString();
    }

    private static Generator bits(TypeName type, int width) {
        int digits = Math.min(width, 62);
        return Generator.of(k -> {
            String bits = Long.toBinaryString(Math.floorMod(k, 1L << digits));
            return cast("0".repeat(width - bits.length()) + bits, type);
        }, k -> "lpad(mod(" + k + ", " + (1L << digits) + ")::bit(" + digits + ")::text, " + width + ", '0')::" + type.text());
    }

    private static String timestampSql(String k) {
        return "timestamp '2020-01-01 00:00:00' + (mod(" + k + ", 1000000) * 3607) * interval '1 second'";
    }

    private static String timeSql(String k) {
        return "time '00:00:00' + mod(" + k + " * 61, 86400) * interval '1 second'";
    }

    private static String octetsSql(String k, int count) {
        String value = "mod(" + k + ", " + (1L << (8 * count)) + ")";
        StringBuilder text = new StringBuilder();
        for (int i = count - 1; i >= 0; i--) {
            text.append(text.isEmpty() ? "" : " || '.' || ").append("((").append(value).append(" >> ").append(8 * i).append(") & 255)");
        }
        return text.toString();
    }

    private static String hexOctetsSql(String k) {
        String value = "mod(" + k + ", 16777216)";
        StringBuilder text = new StringBuilder();
        for (int shift = 16; shift >= 0; shift -= 8) {
            text.append(text.isEmpty() ? "" : " || ':' || ").append("lpad(to_hex((").append(value).append(" >> ").append(shift)
                    .append(") & 255), 2, '0')");
        }
        return text.toString();
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
