package dev.schemagate.check;

/** How much a finding matters; the run fails on findings at or above the failing severity. */
public enum Severity {
    ERROR, WARNING, INFO;

    /**
     * Reads {@code error}, {@code warning} or {@code info}, in any case.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static Severity fromId(String id) {
        for (Severity severity : values()) {
            if (severity.name().equalsIgnoreCase(id.strip())) {
                return severity;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a severity; use error, warning or info");
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) <= 0;
    }
}
