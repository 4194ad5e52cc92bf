package dev.schemagate.report;

import dev.schemagate.check.Finding;
import dev.schemagate.engine.MigrationOutcome;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.migration.Location;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The result as JUnit XML, which Jenkins, GitLab and GitHub test reporters show: a suite of one
 * test case per migration (named with its status, timed with its up script and rollback, with
 * {@code file} and {@code line} attributes where its first failing finding is) and a suite of one
 * test case per check. Each finding at or above the failing severity is shown once, in its
 * migration's test case, or in its check's when it concerns no migration. Findings below it go
 * to {@code system-out}.
 */
public final class JunitReport {

    private final ReportPaths paths;

    public JunitReport(ReportPaths paths) {
        this.paths = paths;
    }

    /** A test case before it is written: its name, time, where it points, failures and notes. */
    private record Case(String name, Duration time, Location at, List<Failure> failures, List<Finding> notes,
                        String skipped) {
    }

    /** A failure: the finding it shows in full, or a line that points at where its findings are shown. */
    private record Failure(String type, String message, String body) {
    }

    public String render(VerifyResult result) {
        List<Case> migrations = new ArrayList<>();
        Duration migrationsTime = Duration.ZERO;
        for (MigrationRun run : result.runs()) {
            List<Finding> own = result.findings().stream().filter(f -> result.concerns(run, f)).toList();
            Duration time = run.duration().plus(run.reversalDuration());
            migrationsTime = migrationsTime.plus(time);
            List<Failure> failures = own.stream().filter(f -> failing(f, result)).map(this::failure).toList();
            Location at = own.stream().filter(f -> failing(f, result)).map(Finding::location).filter(JunitReport::hasFile)
                    .findFirst().orElse(new Location(run.migration().up().file(), 0, 0));
            migrations.add(new Case(run.migration().displayName() + " (" + run.outcome().label() + (run.history() ? ", history" : "") + ")", time, at, failures,
                    notes(own, result), run.outcome() == MigrationOutcome.NOT_RUN ? "not run: " + result.stopReason().orElse("an earlier migration failed")
                    : run.outcome() == MigrationOutcome.SKIPPED ? "skipped: its preconditions are not met" : null));
        }
        List<Case> checks = new ArrayList<>();
        for (CheckOutcome check : CheckOutcome.of(result)) {
            checks.add(checkCase(check, result));
        }
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            newLine(xml, 0);
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "schemagate");
            xml.writeAttribute("tests", String.valueOf(migrations.size() + checks.size()));
            xml.writeAttribute("failures", String.valueOf(failed(migrations) + failed(checks)));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("time", seconds(result.duration()));
            suite(xml, "schemagate.migrations", migrations, migrationsTime, result);
            suite(xml, "schemagate.checks", checks, result.duration().minus(migrationsTime).isNegative() ? Duration.ZERO
                    : result.duration().minus(migrationsTime), null);
            newLine(xml, 0);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string cannot fail", e);
        }
        return text + "\n";
    }

    /**
     * A check's test case. A finding about a migration is shown in full in that migration's test
     * case only; the check's test case fails with one line naming those migrations, so each
     * finding appears once.
     */
    private Case checkCase(CheckOutcome check, VerifyResult result) {
        List<Failure> failures = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        for (Finding finding : check.findings()) {
            if (!failing(finding, result)) {
                continue;
            }
            result.runs().stream().filter(run -> result.concerns(run, finding)).findFirst().ifPresentOrElse(
                    run -> {
                        if (!elsewhere.contains(run.migration().displayName())) {
                            elsewhere.add(run.migration().displayName());
                        }
                    },
                    () -> failures.add(failure(finding)));
        }
        if (!elsewhere.isEmpty()) {
            failures.add(new Failure(check.name(), check.name() + " failed for " + elsewhere.size()
                    + (elsewhere.size() == 1 ? " migration" : " migrations") + "; see their test cases in schemagate.migrations",
                    String.join("\n", elsewhere)));
        }
        List<Finding> notes = check.findings().stream()
                .filter(f -> result.runs().stream().noneMatch(run -> result.concerns(run, f))).toList();
        return new Case(check.name(), Duration.ZERO, null, failures, notes(notes, result), null);
    }

    private static boolean failing(Finding finding, VerifyResult result) {
        return finding.severity().atLeast(result.failOn());
    }

    private static List<Finding> notes(List<Finding> findings, VerifyResult result) {
        return findings.stream().filter(f -> !failing(f, result)).toList();
    }

    private static boolean hasFile(Location location) {
        return location != null && location.file() != null;
    }

    private Failure failure(Finding finding) {
        return new Failure(finding.ruleId(), headline(finding), body(finding));
    }

    /** One suite; with {@code split}, its properties say how many migrations were history and how many checked. */
    private void suite(XMLStreamWriter xml, String name, List<Case> cases, Duration time, VerifyResult split)
            throws XMLStreamException {
        newLine(xml, 1);
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", name);
        xml.writeAttribute("tests", String.valueOf(cases.size()));
        xml.writeAttribute("failures", String.valueOf(failed(cases)));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", String.valueOf(cases.stream().filter(c -> c.skipped() != null).count()));
        xml.writeAttribute("time", seconds(time));
        if (split != null && split.cut().active()) {
            newLine(xml, 2);
            xml.writeStartElement("properties");
            property(xml, "schemagate.history", String.valueOf(split.history()));
            property(xml, "schemagate.checked", String.valueOf(split.checked()));
            property(xml, "schemagate.historyOrigin", split.cut().origin());
            newLine(xml, 2);
            xml.writeEndElement();
        }
        for (Case testCase : cases) {
            newLine(xml, 2);
            boolean empty = testCase.skipped() == null && testCase.failures().isEmpty() && testCase.notes().isEmpty();
            if (empty) {
                xml.writeEmptyElement("testcase");
            } else {
                xml.writeStartElement("testcase");
            }
            xml.writeAttribute("classname", name);
            xml.writeAttribute("name", clean(testCase.name()));
            xml.writeAttribute("time", seconds(testCase.time()));
            if (hasFile(testCase.at())) {
                xml.writeAttribute("file", clean(paths.relative(testCase.at().file())));
                xml.writeAttribute("line", String.valueOf(Math.max(1, testCase.at().line())));
            }
            if (testCase.skipped() != null) {
                newLine(xml, 3);
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", testCase.skipped());
            }
            for (Failure failure : testCase.failures()) {
                newLine(xml, 3);
                xml.writeStartElement("failure");
                xml.writeAttribute("type", failure.type());
                xml.writeAttribute("message", clean(failure.message()));
                xml.writeCharacters(clean(failure.body()));
                xml.writeEndElement();
            }
            if (!testCase.notes().isEmpty()) {
                newLine(xml, 3);
                xml.writeStartElement("system-out");
                xml.writeCharacters(clean(String.join("\n", testCase.notes().stream().map(this::body).toList())));
                xml.writeEndElement();
            }
            if (!empty) {
                newLine(xml, 2);
                xml.writeEndElement();
            }
        }
        newLine(xml, 1);
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        newLine(xml, 3);
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", clean(value));
    }

    private String headline(Finding finding) {
        String where = paths.text(finding.location());
        return (where.isEmpty() ? "" : where + ": ") + finding.message();
    }

    private String body(Finding finding) {
        StringBuilder body = new StringBuilder(FindingLine.text(finding, paths)).append('\n');
        finding.evidence().forEach(line -> body.append("    ").append(line).append('\n'));
        if (!finding.hint().isEmpty()) {
            body.append("    hint: ").append(finding.hint()).append('\n');
        }
        return body.toString();
    }

    private static long failed(List<Case> cases) {
        return cases.stream().filter(c -> !c.failures().isEmpty()).count();
    }

    private static void newLine(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
    }

    /** Shows control characters as escapes, and drops the characters XML 1.0 cannot hold at all. */
    static String clean(String text) {
        Objects.requireNonNull(text);
        StringBuilder out = new StringBuilder(text.length());
        PlainText.of(text).codePoints().filter(c -> c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c != 0xFFFE && c != 0xFFFF)
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}
