package dev.schemagate.migration;

import java.nio.file.Path;
import java.util.List;

/**
 * The SQL of one direction (up or down) of a migration: the file it comes from and its parts.
 *
 * @param file          the file that holds this script (several scripts may share a file,
 *                      as dbmate's up and down sections do)
 * @param parts         the SQL parts, in order
 * @param transaction   how the tool that runs the script wraps it in a transaction
 * @param line          the line where the migration is declared in {@code file} when the file
 *                      declares several (a Liquibase changeset), else 0: the whole file is the script
 */
public record Script(Path file, List<ScriptPart> parts, Transaction transaction, int line) {

    public Script {
        parts = List.copyOf(parts);
    }

    public Script(Path file, List<ScriptPart> parts, Transaction transaction) {
        this(file, parts, transaction, 0);
    }

    /** Where the script is: its file, and the line that declares it when the file declares several. */
    public Location location() {
        return new Location(file, line, 0);
    }

    public static Script of(Path file, String sql) {
        return new Script(file, List.of(ScriptPart.of(sql, 1)), Transaction.wrapped("the migration tool", ""));
    }

    /**
     * False when the tool runs this script outside a transaction of its own (golang-migrate,
     * dbmate {@code transaction:false}, goose {@code NO TRANSACTION}, Liquibase
     * {@code runInTransaction:false}, …).
     */
    public boolean transactional() {
        return transaction.transactional();
    }

    /** True when the script has no text at all (whether it holds only comments is the splitter's to say). */
    public boolean isBlank() {
        return parts.stream().allMatch(p -> p.sql().isBlank());
    }

    /** The whole SQL text of the script, parts joined by new lines (for annotations and hashing). */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (ScriptPart part : parts) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(part.sql());
        }
        return text.toString();
    }
}
