package dev.schemagate.model;

/**
 * The settings of a sequence, shared by stand-alone sequences and identity columns.
 *
 * @param dataType {@code smallint}, {@code integer} or {@code bigint}
 */
public record SequenceOptions(String dataType, long start, long increment, long minValue, long maxValue,
                              long cache, boolean cycle) {
}
