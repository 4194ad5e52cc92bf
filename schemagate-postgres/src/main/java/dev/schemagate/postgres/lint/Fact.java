package dev.schemagate.postgres.lint;

import java.util.Optional;

/**
 * What the {@link StatementReader} read in a statement, one fact at a time in the order the text
 * gives them; each rule looks at the facts it knows and ignores the rest. A table is named as the
 * statement names it, with its schema when written ({@link TableName}); findings print its name.
 */
sealed interface Fact {

    /** The whole statement, read after the fact about its kind (IF [NOT] EXISTS, enum values used). */
    record Whole() implements Fact {
    }

    /** {@code CREATE INDEX [CONCURRENTLY] ... ON table}. */
    record CreateIndex(TableName table, boolean concurrently) implements Fact {
    }

    /** One index of {@code DROP INDEX [CONCURRENTLY]}, and its table when the history created it. */
    record DropIndex(String index, TableName table, boolean concurrently) implements Fact {
    }

    /** One table of {@code DROP TABLE}. */
    record DropTable(TableName table) implements Fact {
    }

    /** One table of {@code TRUNCATE}. */
    record Truncate(TableName table) implements Fact {
    }

    /** {@code DROP SCHEMA}, with the schemas as written. */
    record DropSchema(String schemas) implements Fact {
    }

    /** A {@code COPY} statement, with its text outside parentheses. */
    record Copy(String outsideParentheses) implements Fact {
    }

    /** {@code BEGIN} or {@code START TRANSACTION} (opens) or {@code COMMIT}, {@code ROLLBACK}... (does not). */
    record TransactionControl(boolean opens) implements Fact {
    }

    /** {@code UPDATE table}. */
    record Update(TableName table) implements Fact {
    }

    /** {@code REINDEX kind [CONCURRENTLY] name}, with the table when it is known. */
    record Reindex(String kind, String name, TableName table, boolean concurrently) implements Fact {
    }

    /** A column given a type, in CREATE TABLE, ADD COLUMN or ALTER COLUMN TYPE; {@code key} when it is a key. */
    record ColumnType(TableName table, String column, String type, boolean key) implements Fact {
    }

    /** {@code ALTER TABLE ... RENAME TO}. */
    record RenameTable(TableName table, String newName) implements Fact {
    }

    /** {@code ALTER TABLE ... RENAME COLUMN}. */
    record RenameColumn(TableName table, String column, String newName) implements Fact {
    }

    /** {@code ALTER TABLE ... DROP COLUMN [IF EXISTS]}. */
    record DropColumn(TableName table, String column, boolean ifExists) implements Fact {
    }

    /** {@code ALTER TABLE ... ADD [CONSTRAINT name] kind rest}; kind upper case, such as {@code FOREIGN KEY}. */
    record AddConstraint(TableName table, String kind, String rest) implements Fact {
    }

    /** {@code ALTER TABLE ... VALIDATE CONSTRAINT name}. */
    record Validate(TableName table, String constraint) implements Fact {
    }

    /** {@code ALTER TABLE ... ADD COLUMN [IF NOT EXISTS]}, with the definition when it could be read. */
    record AddColumn(TableName table, boolean ifNotExists, Optional<ColumnDefinition> column) implements Fact {
    }

    /** {@code ALTER TABLE ... ALTER COLUMN TYPE}, with the type the history gave the column, or null. */
    record ChangeType(TableName table, String column, String newType, String oldType, boolean using) implements Fact {
    }

    /** {@code ALTER TABLE ... ALTER COLUMN SET NOT NULL}. */
    record SetNotNull(TableName table, String column) implements Fact {
    }

    /** The end of an {@code ALTER TABLE}; {@code strongestLock} when an action takes the lock that blocks reads too. */
    record AlterTable(TableName table, boolean strongestLock) implements Fact {
    }
}
