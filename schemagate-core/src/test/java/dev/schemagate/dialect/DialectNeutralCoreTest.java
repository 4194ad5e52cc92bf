package dev.schemagate.dialect;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dialect SPI and the engine name no database: a dialect is chosen by {@link DialectChoice} and
 * asked for what it can do, never assumed. Comments may give examples; the code may not.
 */
class DialectNeutralCoreTest {

    /** The packages that hold no dialect's vocabulary. */
    private static final List<String> NEUTRAL = List.of("dialect", "engine", "profile");

    private static final Pattern DIALECT_NAME = Pattern.compile(
            "(?i:postgres|\\bpg_|\\bpsql\\b|sqlite|mysql)|ACCESS EXCLUSIVE|NOT VALID");

    private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");

    @Test
    void dialectAndEngineCodeNamesNoDatabase() throws IOException {
        for (String pkg : NEUTRAL) {
            try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/schemagate", pkg))) {
                for (Path file : files.toList()) {
                    String code = COMMENT.matcher(Files.readString(file)).replaceAll("");
                    assertThat(DIALECT_NAME.matcher(code).results().map(m -> m.group()).toList())
                            .as(file + " names a database in its code").isEmpty();
                }
            }
        }
    }

    @Test
    void theCheckIsAbleToSeeADatabaseName() {
        String code = COMMENT.matcher("// postgres in a comment\nString id = \"postgres\";").replaceAll("");
        assertThat(DIALECT_NAME.matcher(code).find()).isTrue();
    }
}
