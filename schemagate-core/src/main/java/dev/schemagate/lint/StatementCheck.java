package dev.schemagate.lint;

import java.util.List;

/** A group of rules that read one statement's text and add what they suspect. */
interface StatementCheck {

    void check(LintStatement statement, LintMemory memory, List<Suspicion> out);
}
