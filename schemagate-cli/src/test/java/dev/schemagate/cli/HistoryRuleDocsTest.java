package dev.schemagate.cli;

import dev.schemagate.history.HistoryFindings;
import dev.schemagate.history.ReleaseCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every history and release rule has its page, which the reports link to; the situations each page
 * shows as bad are built for real in {@link SinceTest} and {@link SumFileTest}.
 */
class HistoryRuleDocsTest {

    @ParameterizedTest
    @ValueSource(strings = {HistoryFindings.EDITED, HistoryFindings.DELETED, HistoryFindings.RENAMED,
            HistoryFindings.OUT_OF_ORDER, ReleaseCheck.VERSION_NOT_BUMPED, ReleaseCheck.CHANGELOG_NOT_UPDATED})
    void everyRuleHasAPageWithWhyBadAndGood(String ruleId) throws IOException {
        Path page = Examples.root().getParent().resolve("docs/rules/" + ruleId + ".md");
        assertThat(page).exists();
        assertThat(Files.readString(page)).startsWith("# `" + ruleId + "`").contains("## Why", "## Bad", "## Good");
    }
}
