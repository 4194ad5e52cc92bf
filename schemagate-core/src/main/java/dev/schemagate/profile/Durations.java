package dev.schemagate.profile;

import java.util.Locale;

/** Milliseconds written for people: {@code 0.4 ms}, {@code 12 ms}, {@code 3.2 s}, {@code about 40 min}, {@code 2.5 h}. */
public final class Durations {

    private Durations() {
    }

    public static String human(double milliseconds) {
        if (milliseconds < 10) {
            return String.format(Locale.ROOT, "%.2f ms", milliseconds);
        }
        if (milliseconds < 1_000) {
            return String.format(Locale.ROOT, "%.0f ms", milliseconds);
        }
        double seconds = milliseconds / 1_000;
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        double minutes = seconds / 60;
        if (minutes < 120) {
            return String.format(Locale.ROOT, "%.0f min", minutes);
        }
        return String.format(Locale.ROOT, "%.1f h", minutes / 60);
    }

    /** Bytes for people: {@code 512 B}, {@code 1.5 MB}. */
    static String bytes(long bytes) {
        if (bytes < 0) {
            return "unknown";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
