package dev.schemagate.mutation;

import dev.schemagate.check.Finding;
import dev.schemagate.check.Severity;
import dev.schemagate.dialect.ScratchNames;
import dev.schemagate.migration.Location;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What makes two findings the same for mutation testing: rule, severity, location, message and
 * evidence, with what differs from run to run (timings, scratch database names) blanked out. A
 * mutant that only worsens a finding the unmutated migrations already had (one more difference
 * after its down script) changes its message or evidence and so counts as caught. Lines are kept:
 * a mutant leaves every other statement on its line. The hint is left out: it says what to do, not
 * what was found.
 */
record FindingKey(String ruleId, Severity severity, Location location, String message, List<String> evidence) {

    private static final Pattern DURATION = Pattern.compile(
            "\\b\\d[\\d,]*(\\.\\d+)?\\s*(ns|µs|us|ms|s|sec|secs|seconds?|min|minutes?|h)\\b");

    static FindingKey of(Finding finding) {
        return new FindingKey(finding.ruleId(), finding.severity(), finding.location(), stable(finding.message()),
                finding.evidence().stream().map(FindingKey::stable).toList());
    }

    /** The text with timings and scratch database names replaced by placeholders. */
    static String stable(String text) {
        if (text == null) {
            return "";
        }
        String named = ScratchNames.PATTERN.matcher(text).replaceAll("<scratch database>");
        return DURATION.matcher(named).replaceAll("<duration>");
    }
}
