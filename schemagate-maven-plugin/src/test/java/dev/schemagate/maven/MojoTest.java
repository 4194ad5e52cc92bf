package dev.schemagate.maven;

import dev.schemagate.dialect.ScratchDatabase;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.postgres.TestServer;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MojoTest {

    private static final Path EXAMPLES = Path.of("../examples");
    /** The test JVM's shared server, reached as --db-url reaches one, so the tests start no server of their own. */
    private static final String SHARED = sharedServerUrl();

    private final List<String> log = new ArrayList<>();

    @Test
    void verifyPassesAPassingSetAndWritesTheReports(@TempDir Path target) throws Exception {
        VerifyMojo mojo = verify(EXAMPLES.resolve("maven-project/src/main/resources/db/migration"), target);

        mojo.execute();

        assertThat(target.resolve("report.json")).exists();
        assertThat(target.resolve("junit.xml")).exists();
        assertThat(target.resolve("report.html")).exists();
        assertThat(String.join("\n", log)).contains("2 split_full_name");
    }

    @Test
    void verifyFailsTheBuildWithTheFindingsInTheLog(@TempDir Path target) {
        VerifyMojo mojo = verify(EXAMPLES.resolve("broken/syntax-error"), target);

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("schemagate:verify found 1 error(s)").hasMessageContaining("the reports are in " + target);
        assertThat(String.join("\n", log)).contains("[ERROR] ../examples/broken/syntax-error/0002_create_products.up.sql:5:5: error: ");
        assertThat(target.resolve("junit.xml")).content().contains("<failure");
    }

    @Test
    void aWrongParameterFailsTheBuildSayingWhich(@TempDir Path target) {
        VerifyMojo mojo = verify(EXAMPLES.resolve("shop"), target);
        mojo.baseline = "v1";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining("<baseline>v1</baseline> is not a version");
    }

    @Test
    void snapshotWritesTheSchemaAtAVersion(@TempDir Path target) throws Exception {
        SnapshotMojo mojo = new SnapshotMojo();
        mojo.setLog(capturing());
        mojo.source = EXAMPLES.resolve("shop") + "@0002";
        mojo.output = target.resolve("shop.json").toFile();
        mojo.layout = "auto";
        mojo.pgVersion = "17";
        mojo.dbUrl = SHARED;

        mojo.execute();

        assertThat(Files.readString(target.resolve("shop.json"))).contains("\"customers\"").contains("\"products\"").doesNotContain("\"orders\"");
        assertThat(log).anyMatch(line -> line.startsWith("Wrote ") && line.endsWith(": 2 tables, 0 views, 0 routines"));
    }

    @Test
    void diffWritesTheSqlBetweenTwoVersionsAndHoldsBackWhatLosesData(@TempDir Path target) throws Exception {
        DiffMojo forward = diff(EXAMPLES.resolve("shop") + "@0001", EXAMPLES.resolve("shop") + "@0002", target.resolve("up.sql"));
        DiffMojo backward = diff(EXAMPLES.resolve("shop") + "@0002", EXAMPLES.resolve("shop") + "@0001", target.resolve("down.sql"));

        forward.execute();

        assertThat(Files.readString(target.resolve("up.sql"))).contains("CREATE TABLE public.products");
        assertThatThrownBy(backward::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("1 statement(s) were held back").hasMessageContaining("DROP TABLE");
        assertThat(Files.readString(target.resolve("down.sql"))).contains("-- HELD BACK").contains("-- DROP TABLE");
        backward.unsafe = true;
        backward.execute();
        assertThat(Files.readString(target.resolve("down.sql"))).doesNotContain("HELD BACK").contains("DROP TABLE");
    }

    @Test
    void diffWithoutAnOutputWritesDiffDotItsFormatInTheBuildFolder(@TempDir Path target) throws Exception {
        DiffMojo sql = diff(EXAMPLES.resolve("shop") + "@0001", EXAMPLES.resolve("shop") + "@0002", null);
        sql.buildDirectory = target.toFile();
        DiffMojo review = diff(EXAMPLES.resolve("shop") + "@0001", EXAMPLES.resolve("shop") + "@0002", null);
        review.buildDirectory = target.toFile();
        review.format = "text";

        sql.execute();
        review.execute();

        assertThat(target.resolve("schemagate")).isDirectoryContaining(path -> path.getFileName().toString().equals("diff.sql"))
                .isDirectoryContaining(path -> path.getFileName().toString().equals("diff.txt"));
        assertThat(Files.readString(target.resolve("schemagate/diff.sql"))).contains("CREATE TABLE public.products");
        assertThat(log).anyMatch(line -> line.startsWith("Wrote " + target.resolve("schemagate/diff.txt")));
    }

    private DiffMojo diff(String source, String targetSchema, Path output) {
        DiffMojo mojo = new DiffMojo();
        mojo.setLog(capturing());
        mojo.source = source;
        mojo.target = targetSchema;
        mojo.format = "sql";
        mojo.output = output == null ? null : output.toFile();
        mojo.layout = "auto";
        mojo.pgVersion = "17";
        mojo.dbUrl = SHARED;
        return mojo;
    }

    private VerifyMojo verify(Path directory, Path target) {
        VerifyMojo mojo = new VerifyMojo();
        mojo.setLog(capturing());
        mojo.directory = directory.toFile();
        mojo.out = new File(target.toString());
        mojo.format = List.of("console,json,junit,html");
        mojo.rows = VerifyOptions.DEFAULT_ROWS;
        mojo.seed = VerifyOptions.DEFAULT_SEED;
        mojo.layout = "auto";
        mojo.pgVersion = "17";
        mojo.dbUrl = SHARED;
        return mojo;
    }

    private static String sharedServerUrl() {
        ScratchDatabase anchor = TestServer.shared().createDatabase();
        return anchor.jdbcUrl() + "?user=" + URLEncoder.encode(anchor.username(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(anchor.password(), StandardCharsets.UTF_8);
    }

    private SystemStreamLog capturing() {
        return new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                log.add(content.toString());
            }

            @Override
            public void warn(CharSequence content) {
                log.add("[WARNING] " + content);
            }

            @Override
            public void error(CharSequence content) {
                log.add("[ERROR] " + content);
            }
        };
    }
}
