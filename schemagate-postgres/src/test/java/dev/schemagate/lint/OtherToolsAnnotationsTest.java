package dev.schemagate.lint;

import dev.schemagate.migration.MigrationSet;
import dev.schemagate.postgres.lint.DropColumn;
import dev.schemagate.postgres.lint.RenameColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The annotations a project wrote for squawk, diesel-guard or strong_migrations silence our counterpart rules. */
class OtherToolsAnnotationsTest {

    private static final String ORDERS = "CREATE TABLE orders (id bigint PRIMARY KEY, note text, total int);";

    @TempDir
    Path dir;

    @Test
    void squawkIgnoreAboveAStatementSilencesOurRuleForItOnly() {
        MigrationSet set = LintFixtures.folder(dir, ORDERS, """
                -- squawk-ignore ban-drop-column
                ALTER TABLE orders DROP COLUMN note;
                ALTER TABLE orders DROP COLUMN total;
                """);
        assertThat(LintFixtures.inLast(LintFixtures.lintStatic(set, LintConfig.defaults()), set, DropColumn.RULE))
                .extracting(f -> f.location().line()).containsExactly(3);
    }

    @Test
    void squawkIgnoreNamesSeveralRulesAndAnUnmappedOneSilencesNothingElse() {
        MigrationSet set = LintFixtures.folder(dir, ORDERS, """
                -- squawk-ignore ban-char-field, renaming-column
                ALTER TABLE orders RENAME COLUMN note TO remark;
                ALTER TABLE orders RENAME COLUMN total TO amount;
                """);
        assertThat(LintFixtures.inLast(LintFixtures.lintStatic(set, LintConfig.defaults()), set, RenameColumn.RULE))
                .extracting(f -> f.location().line()).containsExactly(3);
    }

    @Test
    void squawkIgnoreFileSilencesItsRulesOrEveryRuleForTheFile() throws IOException {
        Files.createDirectories(dir.resolve("named"));
        Files.createDirectories(dir.resolve("all"));
        MigrationSet named = LintFixtures.folder(dir.resolve("named"), ORDERS, """
                ALTER TABLE orders DROP COLUMN note;
                -- squawk-ignore-file ban-drop-column
                ALTER TABLE orders RENAME COLUMN total TO amount;
                """);
        LintResult result = LintFixtures.lintStatic(named, LintConfig.defaults());
        assertThat(LintFixtures.inLast(result, named, DropColumn.RULE)).isEmpty();
        assertThat(LintFixtures.inLast(result, named, RenameColumn.RULE)).hasSize(1);

        MigrationSet all = LintFixtures.folder(dir.resolve("all"), ORDERS, """
                -- squawk-ignore-file
                ALTER TABLE orders DROP COLUMN note;
                ALTER TABLE orders RENAME COLUMN total TO amount;
                """);
        LintResult silenced = LintFixtures.lintStatic(all, LintConfig.defaults());
        assertThat(LintFixtures.inLast(silenced, all, DropColumn.RULE)).isEmpty();
        assertThat(LintFixtures.inLast(silenced, all, RenameColumn.RULE)).isEmpty();
        assertThat(LintFixtures.inLast(silenced, all, Rules.IGNORE_WITHOUT_REASON)).isEmpty();
    }

    @Test
    void aSafetyAssuredBlockSilencesEveryRuleForTheStatementsInside() {
        MigrationSet set = LintFixtures.folder(dir, ORDERS, """
                -- safety-assured:start
                ALTER TABLE orders DROP COLUMN note;
                ALTER TABLE orders RENAME COLUMN total TO amount;
                -- safety-assured:end
                ALTER TABLE orders DROP COLUMN amount;
                """);
        LintResult result = LintFixtures.lintStatic(set, LintConfig.defaults());
        assertThat(LintFixtures.inLast(result, set, DropColumn.RULE)).extracting(f -> f.location().line()).containsExactly(5);
        assertThat(LintFixtures.inLast(result, set, RenameColumn.RULE)).isEmpty();
    }

    @Test
    void theMappingIsTheOneDocumented() throws IOException {
        String page = Files.readString(RuleDocs.folder().getParent().resolve("squawk-comparison.md"));
        Matcher row = Pattern.compile("\\| `([a-z-]+)` \\| ((?:`lint\\.[a-z-]+`(?:, )?)+) \\|").matcher(page);
        int rows = 0;
        while (row.find()) {
            rows++;
            assertThat(SquawkRules.ours(row.group(1))).as(row.group(1))
                    .containsExactlyInAnyOrder(row.group(2).replace("`", "").split(", "));
        }
        assertThat(rows).isEqualTo(SquawkRules.table().size());
    }
}
