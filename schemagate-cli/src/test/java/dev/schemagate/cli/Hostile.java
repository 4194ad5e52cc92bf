package dev.schemagate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A migrations folder written to attack the reports: markup and script in a file name, in a
 * comment shown as evidence, and in the statement the server quotes, then a migration left unrun.
 */
final class Hostile {

    /** What the hostile script would do to the page if it ran. */
    static final String MARK = "pwned";

    private Hostile() {
    }

    static Path migrations(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("1_create_accounts.up.sql"), "CREATE TABLE accounts (id int);\n");
        Files.writeString(dir.resolve("2_<img src=x onerror=\"document.title='" + MARK + "'\">.up.sql"),
                "-- <script>document.title='" + MARK + "';document.body.id='" + MARK + "'</script>\n"
                        + "CREATE TABLE notes (id int,\n"
                        + "  body text <b id=" + MARK + ">, ]]> & %0A:,\n"
                        + ");\n");
        Files.writeString(dir.resolve("3_create_tags.up.sql"), "CREATE TABLE tags (id int);\n");
        return dir;
    }
}
