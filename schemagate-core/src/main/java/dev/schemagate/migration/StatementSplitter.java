package dev.schemagate.migration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts SQL text into statements the way one database's own client would, keeping the file
 * location of each. Each dialect provides one.
 */
public interface StatementSplitter {

    /** Splits one part of a script; locations are absolute positions in {@code file}. */
    List<Statement> split(Path file, ScriptPart part);

    /** Splits every part of a script, in order. */
    default List<Statement> split(Script script) {
        List<Statement> statements = new ArrayList<>();
        for (ScriptPart part : script.parts()) {
            statements.addAll(split(script.file(), part));
        }
        return statements;
    }
}
