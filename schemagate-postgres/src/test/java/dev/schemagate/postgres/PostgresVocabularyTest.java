package dev.schemagate.postgres;

import dev.schemagate.dialect.Dialects;
import dev.schemagate.dialect.Vocabulary;
import dev.schemagate.migration.DialectNames;
import dev.schemagate.migration.Location;
import dev.schemagate.migration.Statement;
import dev.schemagate.migration.Transaction;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL lends core the words it used to hold itself, so that its messages read as before. */
class PostgresVocabularyTest {

    private final Vocabulary words = new PostgresDialect().vocabulary();

    @Test
    void theAdviceOnANotValidConstraintNamesTheStatementThatValidatesIt() {
        assertThat(words.validating("child_parent_fk")).isEqualTo("add a migration that runs ALTER TABLE ... VALIDATE CONSTRAINT child_parent_fk");
        assertThat(Vocabulary.plain().validating("c")).isEqualTo("add a migration that checks its rows");
    }

    @Test
    void aFileSentAsOneQueryRunsInOneImplicitTransactionBlock() {
        Statement statement = Statement.sql("SELECT 1", Location.of(Path.of("1.up.sql")), true);
        assertThat(new Transaction(Transaction.Mode.ONE_QUERY, "golang-migrate", "").why(List.of(statement, statement), words.oneQuery()))
                .isEqualTo("golang-migrate sends the file as one query of 2 statements, which PostgreSQL runs in one implicit transaction block");
    }

    @Test
    void flywaysUserAndDatabaseDefaultToTheScratchServers() {
        DialectNames names = Dialects.names(new PostgresDialect());
        assertThat(List.of(names.scratchUser(), names.scratchDatabase())).containsExactly("postgres", "postgres");
    }
}
