package dev.schemagate.lint;

import dev.schemagate.migration.MigrationSet;
import dev.schemagate.postgres.lint.AddRequiredColumn;
import dev.schemagate.postgres.lint.SetNotNull;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text's memory keeps a table with its schema when the statement writes one: a table created in
 * one schema does not make a same-named table of another schema new, while a name without schema
 * still means the table of that name the history knows (the search path decides).
 */
class SchemaQualifiedTablesTest {

    @TempDir
    Path dir;

    @Test
    void aTableCreatedInOneSchemaDoesNotMakeItsNamesakeInAnotherNew() {
        MigrationSet set = LintFixtures.folder(dir, "CREATE SCHEMA a; CREATE SCHEMA b; CREATE TABLE b.orders (id bigint);",
                "CREATE TABLE a.orders (id bigint);\nALTER TABLE b.orders ADD COLUMN total int NOT NULL;");

        assertThat(LintFixtures.inLast(LintFixtures.lintStatic(set, LintConfig.defaults()), set, AddRequiredColumn.RULE))
                .singleElement().satisfies(f -> assertThat(f.message()).isEqualTo("adds NOT NULL column orders.total without a default"));
    }

    @Test
    void aNameWithoutSchemaIsTheTableTheMigrationCreated() {
        MigrationSet set = LintFixtures.folder(dir, "SELECT 1;",
                "CREATE TABLE public.orders (id bigint);\nALTER TABLE orders ADD COLUMN total int NOT NULL;");

        assertThat(LintFixtures.inLast(LintFixtures.lintStatic(set, LintConfig.defaults()), set, AddRequiredColumn.RULE)).isEmpty();
    }

    @Test
    void aCheckOnOneSchemasTableProvesNothingAboutAnothers() {
        MigrationSet set = LintFixtures.folder(dir, "CREATE SCHEMA a; CREATE SCHEMA b; CREATE TABLE a.t (c int); CREATE TABLE b.t (c int);",
                "ALTER TABLE a.t ADD CONSTRAINT c_set CHECK (c IS NOT NULL);\nALTER TABLE b.t ALTER COLUMN c SET NOT NULL;\n"
                        + "ALTER TABLE a.t ALTER COLUMN c SET NOT NULL;");

        assertThat(LintFixtures.inLast(LintFixtures.lintStatic(set, LintConfig.defaults()), set, SetNotNull.RULE))
                .extracting(f -> f.location().line()).containsExactly(2);
    }
}
