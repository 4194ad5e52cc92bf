package dev.schemagate.cli;

import dev.schemagate.dialect.DialectChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One resolution of the run's dialect, with both dialects on the class path as the CLI has them. */
class DialectChoiceTest {

    @TempDir
    Path dir;

    private String resolve(String option, Path folder, String url) {
        return DialectChoice.resolve(option, folder, url, null).dialect().id();
    }

    @Test
    void theOptionWinsAndTakesFileNameAliases() throws IOException {
        Files.writeString(dir.resolve("1_a.postgres.up.sql"), "SELECT 1;");
        assertThat(resolve("sqlite3", dir, null)).isEqualTo("sqlite");
        assertThat(resolve("postgresql", dir, "jdbc:sqlite:x.db")).isEqualTo("postgres");
    }

    @Test
    void aUrlNamesItsDialect() {
        assertThat(resolve(null, dir, "jdbc:sqlite:/tmp/app.db")).isEqualTo("sqlite");
        assertThat(resolve(null, dir, "jdbc:postgresql://db/app")).isEqualTo("postgres");
    }

    @Test
    void aFolderNamedForADialectOrFilesOfOneDialectNameIt() throws IOException {
        Path sqlite = Files.createDirectories(dir.resolve("migrations/sqlite"));
        assertThat(resolve(null, sqlite, null)).isEqualTo("sqlite");
        Path suffixed = Files.createDirectories(dir.resolve("suffixed"));
        Files.writeString(suffixed.resolve("1_a.sqlite3.up.sql"), "SELECT 1;");
        Files.writeString(suffixed.resolve("1_a.cockroach.up.sql"), "SELECT 1;");
        assertThat(resolve(null, suffixed, null)).isEqualTo("sqlite");
    }

    @Test
    void severalDialectsOrNoneFallBackToPostgres() throws IOException {
        Files.writeString(dir.resolve("1_a.sqlite.up.sql"), "SELECT 1;");
        Files.writeString(dir.resolve("1_a.postgres.up.sql"), "SELECT 1;");
        assertThat(DialectChoice.resolve(null, dir, null, null).reason()).isEqualTo("the default");
        assertThat(resolve(null, dir, null)).isEqualTo("postgres");
        assertThat(resolve(null, null, null)).isEqualTo("postgres");
    }

    @Test
    void everyFileCountsUntilASecondDialectIsNamed() throws IOException {
        for (int i = 1; i <= 50; i++) {
            Files.writeString(dir.resolve(i + "_a.up.sql"), "SELECT 1;");
        }
        Files.writeString(dir.resolve("51_b.sqlite3.up.sql"), "SELECT 1;");
        Files.writeString(dir.resolve("52_b.sqlite.down.sql"), "SELECT 1;");
        assertThat(resolve(null, dir, null)).isEqualTo("sqlite");
        Path nested = Files.createDirectories(dir.resolve("53_c"));
        Files.writeString(nested.resolve("up.postgres.sql"), "SELECT 1;");
        assertThat(DialectChoice.resolve(null, dir, null, null).reason()).isEqualTo("the default");
    }

    @Test
    void schemagateYmlNamesTheDialect() throws IOException {
        Files.writeString(dir.resolve("schemagate.yml"), "dialect: sqlite\n");
        assertThat(resolve(null, dir, null)).isEqualTo("sqlite");
    }

    @Test
    void anUnknownDialectIsAUsageErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> resolve("oracle", dir, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgres").hasMessageContaining("sqlite");
    }

    @Test
    void sourcesSpeakForARunWithoutAFolder() throws IOException {
        Path sqlite = Files.createDirectories(dir.resolve("sqlite"));
        assertThat(DialectChoice.forSources(null, null, "schema.json", sqlite + "@2").dialect().id()).isEqualTo("sqlite");
        assertThat(DialectChoice.forSources(null, null, "jdbc:sqlite:/tmp/a.db").dialect().id()).isEqualTo("sqlite");
    }

    @Test
    void aSchemaFileSpeaksThroughItsSuffixOrItsFolderUnlessTheOptionDoes() throws IOException {
        Path suffixed = Files.writeString(dir.resolve("schema.sqlite3.sql"), "CREATE TABLE t (id integer);");
        Path inFolder = Files.writeString(Files.createDirectories(dir.resolve("sqlite")).resolve("schema.sql"), "SELECT 1;");
        Path plain = Files.writeString(dir.resolve("schema.sql"), "SELECT 1;");

        assertThat(DialectChoice.forSources(null, null, suffixed.toString(), plain.toString()))
                .extracting(c -> c.dialect().id(), DialectChoice::reason).containsExactly("sqlite", "the file's name");
        assertThat(DialectChoice.forSources(null, null, plain.toString(), inFolder.toString()).dialect().id()).isEqualTo("sqlite");
        assertThat(DialectChoice.forSources(null, null, plain.toString()).reason()).isEqualTo("the default");
        assertThat(DialectChoice.forSources("postgres", null, suffixed.toString()).dialect().id()).isEqualTo("postgres");
        assertThat(DialectChoice.forSources(null, "jdbc:postgresql://db/app", suffixed.toString()).dialect().id()).isEqualTo("postgres");
    }
}
