package dev.schemagate.dialect;

import dev.schemagate.lint.LintConfigFile;
import dev.schemagate.migration.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The session settings of schemagate.yml and --session: names and values only, the command line's over the file's. */
class SessionSettingsTest {

    @TempDir
    Path dir;

    @Test
    void theFilesSectionIsReadInOrderAndTheCommandLinesWin() throws IOException {
        Path file = Files.writeString(dir.resolve("schemagate.yml"), """
                session:
                  foreign_key_checks: 0
                  time_zone: "+00:00"
                lint:
                  failOn: warning
                """);

        SessionSettings merged = SessionSettings.parse("--session", List.of("time_zone=SYSTEM", "sql_mode = ANSI_QUOTES"))
                .over(SessionSettings.load(file));

        assertThat(SessionSettings.load(file).values()).containsExactly(Map.entry("foreign_key_checks", "0"), Map.entry("time_zone", "+00:00"));
        assertThat(merged.values()).containsExactly(Map.entry("foreign_key_checks", "0"), Map.entry("time_zone", "SYSTEM"),
                Map.entry("sql_mode", "ANSI_QUOTES"));
        assertThat(LintConfigFile.load(file).failOn().name()).isEqualTo("WARNING");
    }

    @Test
    void aNameThatIsNotASettingsNameIsRefusedSoNoStatementCanBeSlippedIn() throws IOException {
        assertThatThrownBy(() -> SessionSettings.parse("--session", List.of("x; drop database app; set y = 1")))
                .isInstanceOf(InputException.class).hasMessageContaining("is not the name of a session setting");
        assertThatThrownBy(() -> SessionSettings.parse("--session", List.of("foreign_key_checks")))
                .isInstanceOf(InputException.class).hasMessageContaining("is not NAME=VALUE");
        Path list = Files.writeString(dir.resolve("list.yml"), "session:\n  - SET foreign_key_checks = 0\n");
        assertThatThrownBy(() -> SessionSettings.load(list)).isInstanceOf(InputException.class)
                .hasMessageContaining("list.yml: session is not a map of settings");
        Path nested = Files.writeString(dir.resolve("nested.yml"), "session:\n  foreign_key_checks:\n    value: 0\n");
        assertThatThrownBy(() -> SessionSettings.load(nested)).isInstanceOf(InputException.class)
                .hasMessageContaining("nested.yml: session.foreign_key_checks is not a single value");
    }

    @Test
    void noFileOrNoSectionIsNoSettings() throws IOException {
        assertThat(SessionSettings.load(dir.resolve("absent.yml")).isEmpty()).isTrue();
        assertThat(SessionSettings.load(Files.writeString(dir.resolve("other.yml"), "dialect: mysql\n")).isEmpty()).isTrue();
    }
}
