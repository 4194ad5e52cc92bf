package dev.schemagate.postgres.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether {@code ALTER COLUMN … TYPE … USING col::type} can convert a column's values directly, or must
 * go through their text form ({@code col::text::type}) because PostgreSQL has no cast between the two
 * built-in types ({@code integer} and {@code uuid}): a cast exists from a type to itself (a length or
 * precision change), to and from the string types (through text), and where {@code pg_cast} lists one
 * ({@code builtin-casts.txt}). Types of a schema (enums, domains, extensions' types) are not judged here.
 */
final class Casts {

    private static final Set<String> LISTED = load();
    private static final Set<String> STRINGS = Set.of("text", "character varying", "character", "name");

    private Casts() {
    }

    /** Both are built-in types, and PostgreSQL has no cast from {@code from} to {@code to}. */
    static boolean none(String from, String to) {
        String source = base(from);
        String target = base(to);
        if (source.contains(".") || target.contains(".")) {
            return false;
        }
        boolean sourceArray = source.endsWith("[]");
        if (sourceArray != target.endsWith("[]")) {
            return !STRINGS.contains(source) && !STRINGS.contains(target);
        }
        if (sourceArray) {
            return none(source.substring(0, source.length() - 2), target.substring(0, target.length() - 2));
        }
        return !source.equals(target) && !STRINGS.contains(source) && !STRINGS.contains(target)
                && !LISTED.contains(source + " -> " + target);
    }

    /** {@code timestamp(3) with time zone} to {@code timestamp with time zone}, {@code numeric(9,2)[]} to {@code numeric[]}. */
    private static String base(String type) {
        return type.replaceAll("\\(\\d+(,\\d+)?\\)", "").replaceAll("(\\[\\])+$", "[]").strip();
    }

    private static Set<String> load() {
        try (InputStream in = Casts.class.getResourceAsStream("builtin-casts.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
