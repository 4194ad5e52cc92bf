package dev.schemagate.report;

import dev.schemagate.check.Finding;
import dev.schemagate.mutation.Category;
import dev.schemagate.mutation.MutantResult;
import dev.schemagate.mutation.MutationResult;
import dev.schemagate.mutation.Verdict;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;

/**
 * The mutation run as JUnit XML ({@code mutation-junit.xml}): one suite per category, one test case
 * per mutant; a survivor is a failure (the gate let the mistake through), an equivalent mutant or one
 * not run is skipped.
 */
public final class MutationJunit {

    private final ReportPaths paths;

    public MutationJunit(ReportPaths paths) {
        this.paths = paths;
    }

    public String render(MutationResult result) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "schemagate mutate");
            xml.writeAttribute("tests", String.valueOf(result.results().size()));
            xml.writeAttribute("failures", String.valueOf(result.survivors().size()));
            xml.writeAttribute("time", seconds(result.duration().toMillis()));
            for (Category category : Category.values()) {
                List<MutantResult> of = result.results().stream().filter(r -> r.mutant().operator().category() == category).toList();
                if (!of.isEmpty()) {
                    suite(xml, result, category, of);
                }
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the mutation report could not be written as XML", e);
        }
        return text + "\n";
    }

    private void suite(XMLStreamWriter xml, MutationResult result, Category category, List<MutantResult> results) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", "mutation." + category.id());
        xml.writeAttribute("tests", String.valueOf(results.size()));
        xml.writeAttribute("failures", String.valueOf(results.stream().filter(r -> r.verdict() == Verdict.SURVIVED).count()));
        xml.writeAttribute("skipped", String.valueOf(results.stream().filter(r -> !r.verdict().scored()).count()));
        for (MutantResult r : results) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", JunitReport.clean(paths.relative(r.mutant().file())));
            xml.writeAttribute("name", JunitReport.clean(r.mutant().id() + " " + r.mutant().operator().id() + ": " + r.mutant().summary()
                    + " (" + r.verdict().id() + ")"));
            xml.writeAttribute("file", JunitReport.clean(paths.relative(r.mutant().file())));
            xml.writeAttribute("line", String.valueOf(r.mutant().line()));
            xml.writeAttribute("time", seconds(r.took().toMillis()));
            if (r.verdict() == Verdict.SURVIVED) {
                xml.writeStartElement("failure");
                xml.writeAttribute("type", r.mutant().operator().id());
                xml.writeAttribute("message", JunitReport.clean(paths.relative(r.mutant().file()) + ":" + r.mutant().line()
                        + ": mutant survived: " + r.mutant().summary()));
                xml.writeCharacters(JunitReport.clean(r.mutant().diff() + "would be caught by: " + r.mutant().operator().caughtBy() + "\n"
                        + (r.note().isEmpty() ? "" : r.note() + "\n")));
                xml.writeEndElement();
            } else if (!r.verdict().scored()) {
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", JunitReport.clean(r.verdict().id() + ": " + r.note()));
            } else {
                xml.writeStartElement("system-out");
                xml.writeCharacters(JunitReport.clean(caught(r)));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private String caught(MutantResult r) {
        if (r.caughtBy().isEmpty()) {
            return r.verdict().id() + ": " + r.note() + "\n";
        }
        StringBuilder text = new StringBuilder("killed by:\n");
        for (Finding finding : r.caughtBy()) {
            text.append("  ").append(FindingLine.text(finding, paths)).append('\n');
        }
        return text.toString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
