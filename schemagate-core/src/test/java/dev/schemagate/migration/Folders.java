package dev.schemagate.migration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.assertj.core.api.AbstractThrowableAssert;

/** Writes small migration folders for tests and reads them back through the public entry point. */
final class Folders {

    /** PostgreSQL's names, and its default schema for Flyway's {@code ${flyway:defaultSchema}}. */
    static final DialectNames POSTGRES = new DialectNames(List.of("postgres", "postgresql", "pg"), Set.copyOf(DialectNames.KNOWN),
            "", "", "public");

    private Folders() {
    }

    /** Writes {@code text} (UTF-8) to {@code relative} inside {@code dir}, creating folders. */
    static Path write(Path dir, String relative, String text) {
        return write(dir, relative, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String relative, byte[] bytes) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MigrationSet discover(Path dir, Layout layout) {
        return MigrationDiscovery.discover(dir, layout, POSTGRES);
    }

    /** Asserts that discovery fails with an input error whose one-line message names {@code named}. */
    static AbstractThrowableAssert<?, ? extends Throwable> failsNaming(Path dir, Layout layout, String named) {
        return assertThatThrownBy(() -> discover(dir, layout))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(named)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /** The versions of a set, as written, in order ({@code R} for a repeatable). */
    static List<String> versions(MigrationSet set) {
        return set.migrations().stream().map(m -> m.repeatable() ? "R" : m.version().text()).toList();
    }
}
