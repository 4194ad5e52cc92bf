package dev.schemagate.maven;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI defines the options; the plugin must offer each of them under the same name, so the two
 * cannot drift: every option of the command is a parameter of the goal in the plugin descriptor
 * Maven reads, named in camel case and settable as {@code -Dschemagate.<name>}.
 */
class ParameterParityTest {

    /** The CLI's positional parameters, by label, and the plugin parameter that carries each. */
    private static final Map<String, String> POSITIONALS = Map.of("DIR", "directory", "SOURCE", "source", "TARGET", "target");
    private static final Set<String> STANDARD = Set.of("--help", "--version");

    @ParameterizedTest
    @CsvSource({"verify, dev.schemagate.cli.VerifyCommand", "snapshot, dev.schemagate.cli.SnapshotCommand",
            "diff, dev.schemagate.cli.DiffCommand", "mutate, dev.schemagate.cli.MutateCommand",
            "profile, dev.schemagate.cli.ProfileCommand"})
    void everyCliOptionIsAGoalParameterOfTheSameName(String goal, String command) throws Exception {
        Object instance = Class.forName(command).getDeclaredConstructor().newInstance();
        CommandSpec spec = new CommandLine(instance).getCommandSpec();
        Map<String, String> parameters = parameters(goal);

        spec.options().stream().map(CommandLine.Model.OptionSpec::longestName).filter(name -> !STANDARD.contains(name))
                .forEach(option -> {
                    String name = camel(option);
                    assertThat(parameters).as("schemagate:%s has no parameter for %s of the CLI; add %s", goal, option, name)
                            .containsEntry(name, "${schemagate." + name + "}");
                });
        spec.positionalParameters().forEach(positional -> assertThat(parameters)
                .containsEntry(POSITIONALS.get(positional.paramLabel()), "${schemagate." + POSITIONALS.get(positional.paramLabel()) + "}"));
        assertThat(spec.options()).hasSizeGreaterThan(STANDARD.size());
    }

    /**
     * The defaults a build needs other than the terminal's, each documented in docs/maven-plugin.md:
     * the reports a build keeps, Maven's target folder, and the file a diff goal writes.
     */
    private static final Map<String, String> BUILD_DEFAULTS = Map.of(
            "verify format", "console,json,junit,html", "verify out", "${project.build.directory}/schemagate",
            "diff format", "sql", "snapshot output", "${project.build.directory}/schemagate/schema.sql",
            "mutate format", "console,json,junit,html", "mutate out", "${project.build.directory}/schemagate",
            "profile format", "console,json,html", "profile out", "${project.build.directory}/schemagate");

    @ParameterizedTest
    @CsvSource({"verify, dev.schemagate.cli.VerifyCommand", "snapshot, dev.schemagate.cli.SnapshotCommand",
            "diff, dev.schemagate.cli.DiffCommand", "mutate, dev.schemagate.cli.MutateCommand",
            "profile, dev.schemagate.cli.ProfileCommand"})
    void everyGoalParameterHasTheDefaultOfItsCliOption(String goal, String command) throws Exception {
        CommandSpec spec = new CommandLine(Class.forName(command).getDeclaredConstructor().newInstance()).getCommandSpec();
        Map<String, String> defaults = defaults(goal);

        spec.options().stream().filter(option -> !STANDARD.contains(option.longestName())).forEach(option -> {
            String name = camel(option.longestName());
            String cli = option.arity().max() == 0 ? "false" : option.defaultValue();
            String expected = BUILD_DEFAULTS.getOrDefault(goal + " " + name, cli);
            assertThat(defaults.get(name)).as("default of <%s> in schemagate:%s (the CLI's %s: %s)", name, goal, option.longestName(), cli)
                    .isEqualTo(expected);
        });
        assertThat(defaults.values()).as("no default refers to another goal's property").noneMatch(value -> value != null
                && value.contains("${schemagate."));
    }

    private static String camel(String option) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : option.replaceFirst("^-+", "").toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    /** The goal's parameters and their property expressions, from the generated plugin descriptor. */
    private static Map<String, String> parameters(String goal) throws Exception {
        Map<String, String> parameters = new HashMap<>();
        Element mojo = mojo(goal);
        Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
        NodeList names = ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("name");
        for (int j = 0; j < names.getLength(); j++) {
            String name = names.item(j).getTextContent();
            NodeList configured = configuration.getElementsByTagName(name);
            parameters.put(name, configured.getLength() == 0 ? "" : configured.item(0).getTextContent());
        }
        return parameters;
    }

    /** The goal's configured parameters and their default values (null when there is none). */
    private static Map<String, String> defaults(String goal) throws Exception {
        Map<String, String> defaults = new HashMap<>();
        NodeList configured = ((Element) mojo(goal).getElementsByTagName("configuration").item(0)).getChildNodes();
        for (int j = 0; j < configured.getLength(); j++) {
            if (configured.item(j) instanceof Element parameter) {
                defaults.put(parameter.getTagName(), parameter.hasAttribute("default-value") ? parameter.getAttribute("default-value") : null);
            }
        }
        return defaults;
    }

    /** The goal's {@code <mojo>} in the generated plugin descriptor Maven reads. */
    private static Element mojo(String goal) throws Exception {
        try (InputStream descriptor = ParameterParityTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertThat(descriptor).as("the plugin descriptor, generated at process-classes").isNotNull();
            NodeList mojos = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptor).getElementsByTagName("mojo");
            for (int i = 0; i < mojos.getLength(); i++) {
                Element mojo = (Element) mojos.item(i);
                if (text(mojo, "goal").equals(goal)) {
                    return mojo;
                }
            }
        }
        throw new AssertionError("the plugin descriptor has no goal " + goal);
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent();
    }
}
