package dev.schemagate.report;

import dev.schemagate.check.Finding;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.VerifyResult;

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
 * test case per migration and a suite of one test case per check, each failing with the message
 * and location of its findings at or above the failing severity. Findings below it go to
 * {@code system-out}.
 */
public final class JunitReport {

    private final ReportPaths paths;

    public JunitReport(ReportPaths paths) {
        this.paths = paths;
    }

    /** A test case before it is written: its name, time, failures and notes. */
    private record Case(String name, Duration time, List<Finding> failures, List<Finding> notes, String skipped) {
    }

    public String render(VerifyResult result) {
        List<Case> migrations = new ArrayList<>();
        for (MigrationRun run : result.runs()) {
            List<Finding> own = result.findings().stream().filter(run::concerns).toList();
            migrations.add(testCase(run.migration().displayName() + (run.history() ? " (history)" : ""), run.duration(), own, result,
                    run.status() == MigrationRun.Status.NOT_RUN ? "not run: an earlier migration failed" : null));
        }
        List<Case> checks = new ArrayList<>();
        for (CheckOutcome check : CheckOutcome.of(result)) {
            checks.add(testCase(check.name(), Duration.ZERO, check.findings(), result, null));
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
            suite(xml, "schemagate.migrations", migrations, result.duration(), result);
            suite(xml, "schemagate.checks", checks, result.duration(), null);
            newLine(xml, 0);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string cannot fail", e);
        }
        return text + "\n";
    }

    private Case testCase(String name, Duration time, List<Finding> findings, VerifyResult result, String skipped) {
        List<Finding> failures = findings.stream().filter(f -> f.severity().atLeast(result.failOn())).toList();
        List<Finding> notes = findings.stream().filter(f -> !f.severity().atLeast(result.failOn())).toList();
        return new Case(name, time, failures, notes, skipped);
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
            if (testCase.skipped() != null) {
                newLine(xml, 3);
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", testCase.skipped());
            }
            for (Finding failure : testCase.failures()) {
                newLine(xml, 3);
                xml.writeStartElement("failure");
                xml.writeAttribute("type", failure.ruleId());
                xml.writeAttribute("message", clean(headline(failure)));
                xml.writeCharacters(clean(body(failure)));
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
        StringBuilder body = new StringBuilder(finding.severity().name().toLowerCase(Locale.ROOT))
                .append(' ').append(headline(finding)).append(" [").append(finding.ruleId()).append("]\n");
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

    /** Drops the characters XML 1.0 cannot hold at all (control characters other than tab and new lines). */
    static String clean(String text) {
        Objects.requireNonNull(text);
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c != 0xFFFE && c != 0xFFFF)
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}
