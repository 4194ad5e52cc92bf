package dev.schemagate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JUnit XML, SARIF and JSON reports of passing, failing and hostile runs validate against the
 * Jenkins JUnit schema, the official SARIF 2.1.0 schema, and the project's own report schema.
 */
class ReportSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"shop", "broken/syntax-error", "hostile"})
    void junitXmlIsValidAgainstTheJenkinsSchema(String example, @TempDir Path out) throws Exception {
        String xml = run(example, out).file("junit.xml");
        // file and line, which GitLab and the GitHub test reporters read, are not in the xUnit
        // plugin's schema; everything else must be
        String withoutLocations = xml.replaceAll(" (file|line)=\"[^\"]*\"", "");

        junitValidator().validate(new StreamSource(new StringReader(withoutLocations)));
        assertThat(xml).contains("<testcase classname=\"schemagate.checks\" name=\"apply\"")
                .containsPattern("<testcase classname=\"schemagate.migrations\" name=\"[^\"]+\" time=\"[0-9.]+\" file=\"[^\"]+\" line=\"\\d+\"");
    }

    @Test
    void theJunitSchemaCheckCanFail() throws Exception {
        Validator validator = junitValidator();
        String withoutName = "<testsuites><testsuite tests=\"1\" failures=\"0\" errors=\"0\"/></testsuites>";

        assertThatThrownBy(() -> validator.validate(new StreamSource(new StringReader(withoutName))))
                .isInstanceOf(SAXException.class).hasMessageContaining("name");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"shop", "broken/syntax-error", "hostile"})
    void sarifIsValidAgainstTheOfficialSchema(String example, @TempDir Path out) throws IOException {
        JsonNode sarif = JSON.readTree(run(example, out).file("report.sarif"));

        assertThat(sarifSchema().validate(sarif)).isEmpty();
        assertThat(sarif.at("/version").asText()).isEqualTo("2.1.0");
    }

    @Test
    void theSarifSchemaCheckCanFail(@TempDir Path out) throws IOException {
        ObjectNode sarif = (ObjectNode) JSON.readTree(run("broken/syntax-error", out).file("report.sarif"));
        ((ObjectNode) sarif.at("/runs/0/results/0/locations/0/physicalLocation/region")).put("startLine", 0);

        Set<ValidationMessage> errors = sarifSchema().validate(sarif);

        assertThat(errors).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("startLine"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"shop", "broken/syntax-error", "hostile"})
    void reportJsonIsValidAgainstItsDocumentedSchema(String example, @TempDir Path out) throws IOException {
        JsonNode report = JSON.readTree(run(example, out).file("report.json"));
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(Files.readString(Examples.root().resolveSibling("docs/report-json.schema.json")));

        assertThat(schema.validate(report)).isEmpty();
        ((ObjectNode) report).put("verdict", "maybe");
        assertThat(schema.validate(report)).isNotEmpty();
    }

    private static ReportRun run(String example, Path out) throws IOException {
        String directory = example.equals("hostile") ? Hostile.migrations(out.resolve("migrations")).toString()
                : Examples.example(example);
        return ReportRun.of(directory, out.resolve("reports"), ReportRun.ALL_FILES);
    }

    private static Validator junitValidator() throws SAXException {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        return factory.newSchema(ReportSchemaTest.class.getResource("/schemas/junit-10.xsd")).newValidator();
    }

    private static JsonSchema sarifSchema() throws IOException {
        try (InputStream in = ReportSchemaTest.class.getResourceAsStream("/schemas/sarif-2.1.0-rtm.5.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }
}
