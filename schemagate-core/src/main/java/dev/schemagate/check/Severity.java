package dev.schemagate.check;

/** How much a finding matters; the run fails on findings at or above the failing severity. */
public enum Severity {
    ERROR, WARNING, INFO;

    public boolean atLeast(Severity other) {
        return compareTo(other) <= 0;
    }
}
