package dev.schemagate.diff;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One of a dialect's own plan fixtures ({@code plan-cases.txt}: blocks {@code === name}, then
 * {@code --- from} and {@code --- to} schemas; {@code ===} blocks starting with {@code #} are comments),
 * read the same way by every dialect's plan-case test.
 *
 * @param name the case's name
 * @param from the schema a plan starts from
 * @param to   the schema it must reach
 */
public record PlanCase(String name, String from, String to) {

    /** The cases of the {@code plan-cases.txt} resource beside {@code owner}. */
    public static List<PlanCase> read(Class<?> owner) {
        String text;
        try (InputStream in = owner.getResourceAsStream("plan-cases.txt")) {
            if (in == null) {
                throw new IllegalStateException("no plan-cases.txt beside " + owner.getName());
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<PlanCase> cases = new ArrayList<>();
        for (String block : text.split("(?m)^=== ")) {
            if (block.startsWith("#") || block.isBlank()) {
                continue;
            }
            String name = block.substring(0, block.indexOf('\n')).strip();
            int from = block.indexOf("--- from\n");
            int to = block.indexOf("--- to\n");
            cases.add(new PlanCase(name, block.substring(from + 9, to), block.substring(to + 7)));
        }
        return cases;
    }
}
