package dev.schemagate.mutation;

/** A stretch of a statement's text, {@code start} inclusive, {@code end} exclusive. */
public record Span(int start, int end) {

    public String of(String text) {
        return text.substring(start, end);
    }
}
