package dev.schemagate.junit5;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationLocationTest {

    @TempDir
    Path module;

    @Test
    void aMavenCopyIsReadFromTheSourceFolderItCameFrom() throws IOException {
        Path source = migrations(module.resolve("src/main/resources/db/migration"), "CREATE TABLE edited (id int);\n");
        migrations(module.resolve("target/classes/db/migration"), "CREATE TABLE stale (id int);\n");

        assertThat(MigrationLocation.resolve("db/migration", loader(module.resolve("target/classes")))).isEqualTo(source);
        assertThat(MigrationLocation.resolve("classpath:db/migration", loader(module.resolve("target/classes")))).isEqualTo(source);
    }

    @Test
    void testResourcesAndGradleCopiesMapToTheirSourceSets() throws IOException {
        Path testSource = migrations(module.resolve("src/test/resources/db/migration"), "CREATE TABLE a (id int);\n");
        migrations(module.resolve("target/test-classes/db/migration"), "CREATE TABLE a (id int);\n");
        Path mainSource = migrations(module.resolve("src/main/resources/db/changes"), "CREATE TABLE b (id int);\n");
        migrations(module.resolve("build/resources/main/db/changes"), "CREATE TABLE b (id int);\n");

        assertThat(MigrationLocation.resolve("db/migration", loader(module.resolve("target/test-classes")))).isEqualTo(testSource);
        assertThat(MigrationLocation.resolve("db/changes", loader(module.resolve("build/resources/main")))).isEqualTo(mainSource);
    }

    @Test
    void aCopyWithoutItsSourceFolderIsReadAsItIs() throws IOException {
        Path copy = migrations(module.resolve("target/classes/db/migration"), "CREATE TABLE a (id int);\n");
        Path elsewhere = migrations(module.resolve("lib/db/migration"), "CREATE TABLE b (id int);\n");

        assertThat(MigrationLocation.resolve("db/migration", loader(module.resolve("target/classes")))).isEqualTo(copy);
        assertThat(MigrationLocation.resolve("db/migration", loader(module.resolve("lib")))).isEqualTo(elsewhere);
    }

    private static Path migrations(Path folder, String sql) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("V1__first.sql"), sql);
        return folder;
    }

    private static ClassLoader loader(Path root) throws IOException {
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    }
}
