package dev.schemagate.migration;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A migration version that sorts numerically segment by segment, so that {@code 1.10} comes after
 * {@code 1.9} and {@code 20190101000001} compares as a number. Segments are separated by dots or
 * underscores (Flyway writes {@code V1_2} for {@code 1.2}).
 */
public record Version(String text, List<BigInteger> segments) implements Comparable<Version> {

    private static final Pattern FORM = Pattern.compile("\\d+([._]\\d+)*");
    private static final Pattern SEPARATOR = Pattern.compile("[._]");

    public Version {
        segments = List.copyOf(segments);
    }

    /** Parses a version such as {@code 1}, {@code 1.2.3}, {@code 1_2} or {@code 20190101000001}. */
    public static Version parse(String text) {
        if (!isVersion(text)) {
            throw new IllegalArgumentException("not a version: '" + text + "' (expected digits separated by '.' or '_')");
        }
        List<BigInteger> segments = new ArrayList<>();
        for (String segment : SEPARATOR.split(text)) {
            segments.add(new BigInteger(segment));
        }
        return new Version(text, segments);
    }

    public static boolean isVersion(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    @Override
    public int compareTo(Version other) {
        int shared = Math.min(segments.size(), other.segments.size());
        for (int i = 0; i < shared; i++) {
            int c = segments.get(i).compareTo(other.segments.get(i));
            if (c != 0) {
                return c;
            }
        }
        for (int i = shared; i < segments.size(); i++) {
            if (segments.get(i).signum() != 0) {
                return 1;
            }
        }
        for (int i = shared; i < other.segments.size(); i++) {
            if (other.segments.get(i).signum() != 0) {
                return -1;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        List<BigInteger> significant = new ArrayList<>(segments);
        while (significant.size() > 1 && significant.get(significant.size() - 1).signum() == 0) {
            significant.remove(significant.size() - 1);
        }
        return significant.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
