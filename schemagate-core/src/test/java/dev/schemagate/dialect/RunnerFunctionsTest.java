package dev.schemagate.dialect;

import dev.schemagate.fake.FakeDialect;
import dev.schemagate.migration.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The functions a runner defines on its connections, declared in schemagate.yml. */
class RunnerFunctionsTest {

    @TempDir
    Path dir;

    @Test
    void theSectionDeclaresEachFunctionsKindInOrder() throws IOException {
        Path file = Files.writeString(dir.resolve("schemagate.yml"), """
                session:
                  foreign_key_checks: 0
                functions:
                  BIN2B64: base64
                  B642BIN: Unbase64
                """);

        assertThat(RunnerFunctions.load(file).byName()).containsExactly(
                Map.entry("BIN2B64", RunnerFunctions.Kind.BASE64), Map.entry("B642BIN", RunnerFunctions.Kind.UNBASE64));
        assertThat(RunnerFunctions.load(Files.writeString(dir.resolve("other.yml"), "session:\n  a: 1\n")).isEmpty()).isTrue();
        assertThat(RunnerFunctions.load(dir.resolve("absent.yml")).isEmpty()).isTrue();
    }

    @Test
    void anUnknownKindOrANameThatIsNoFunctionsIsRefusedNamingWhereAndWhatToWrite() throws IOException {
        Path code = Files.writeString(dir.resolve("code.yml"), "functions:\n  BIN2B64: \"select 1\"\n");
        assertThatThrownBy(() -> RunnerFunctions.load(code)).isInstanceOf(InputException.class)
                .hasMessageContaining("code.yml: functions.BIN2B64 is 'select 1', which is not a kind of function")
                .hasMessageContaining("base64, unbase64, hex, unhex");
        Path name = Files.writeString(dir.resolve("name.yml"), "functions:\n  \"f(); drop\": hex\n");
        assertThatThrownBy(() -> RunnerFunctions.load(name)).isInstanceOf(InputException.class)
                .hasMessageContaining("is not a function name");
        Path list = Files.writeString(dir.resolve("list.yml"), "functions:\n  - BIN2B64\n");
        assertThatThrownBy(() -> RunnerFunctions.load(list)).isInstanceOf(InputException.class)
                .hasMessageContaining("list.yml: functions is not a map of names to kinds");
    }

    @Test
    void aRunOnADialectThatDefinesNoFunctionsIsRefusedRatherThanRunWithoutThem() throws IOException {
        FakeDialect fake = new FakeDialect();
        Path file = Files.writeString(dir.resolve("schemagate.yml"), "functions:\n  BIN2B64: base64\n");

        assertThatThrownBy(() -> ServerOptions.embedded("17").forRun(fake, file)).isInstanceOf(InputException.class)
                .hasMessageContaining("schemagate.yml: functions declares BIN2B64, but the " + fake.id()
                        + " dialect defines no functions on its connections");
    }
}
