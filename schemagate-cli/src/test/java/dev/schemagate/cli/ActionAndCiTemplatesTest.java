package dev.schemagate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.schemagate.report.ToolVersion;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GitHub Action and the CI templates are part of the command's interface: the action's inputs
 * mirror the options of {@code verify} and {@code lint} (same name, same default, passed on), and the
 * templates run the released command, never a build of Schemagate inside the user's repository.
 */
class ActionAndCiTemplatesTest {

    /** Inputs of the action itself rather than of the command. */
    private static final Set<String> ACTION_ONLY = Set.of("command", "version", "java-version");
    private static final Set<String> STANDARD = Set.of("--help", "--version");

    @Test
    void everyOptionOfVerifyAndLintIsAnInputOfTheSameNameAndDefaultThatTheActionPasses() throws IOException {
        JsonNode action = new ObjectMapper(new YAMLFactory()).readTree(Examples.root().resolveSibling("action.yml").toFile());
        JsonNode inputs = action.path("inputs");
        String script = action.at("/runs/steps").findValues("run").stream().map(JsonNode::asText).reduce("", String::concat);
        Set<String> mirrored = new HashSet<>();

        for (CommandSpec command : List.of(spec(new VerifyCommand()), spec(new LintCommand()))) {
            for (OptionSpec option : command.options()) {
                String name = option.longestName();
                if (STANDARD.contains(name)) {
                    continue;
                }
                String input = name.substring(2);
                mirrored.add(input);
                assertThat(inputs.has(input)).as("action.yml has no input for %s %s", command.name(), name).isTrue();
                assertThat(inputs.path(input).path("default").asText()).as("default of input %s", input).isEqualTo(defaultOf(option));
                assertThat(script).as("the action passes input %s on", input).containsPattern("(?<![\\w-])" + name + "(?![\\w-])")
                        .contains("IN_" + input.toUpperCase(Locale.ROOT).replace('-', '_'));
            }
            assertThat(command.positionalParameters().get(0).paramLabel()).isEqualTo("DIR");
            assertThat(inputs.path("directory").path("default").asText()).isEqualTo(command.positionalParameters().get(0).defaultValue());
        }
        mirrored.add("directory");
        mirrored.addAll(ACTION_ONLY);
        inputs.fieldNames().forEachRemaining(input -> assertThat(mirrored).as("input %s is an option of verify or lint", input)
                .contains(input));
    }

    @Test
    void theCiTemplatesRunTheReleaseOfThisVersionRatherThanBuildingSchemagate() throws IOException {
        String release = ToolVersion.get().replace("-SNAPSHOT", "");
        Path root = Examples.root().getParent();
        List<Path> templates;
        try (Stream<Path> files = Files.list(root.resolve("docs/ci"))) {
            templates = files.filter(file -> file.toString().endsWith(".yml")).sorted().toList();
        }

        assertThat(templates).isNotEmpty();
        for (Path template : templates) {
            String text = Files.readString(template);
            assertThat(text).as(template.toString()).doesNotContainPattern("(?m)^[^#]*\\bmvn\\b").doesNotContain("bin/schemagate ")
                    .containsPattern("schemagate/schemagate@v" + release.replace(".", "\\.") + "\\b"
                            + "|ghcr\\.io/schemagate/schemagate:" + release.replace(".", "\\.") + "\\b"
                            + "|SCHEMAGATE_VERSION: \"" + release.replace(".", "\\.") + "\"");
        }
        assertThat(Files.readString(root.resolve("action.yml"))).contains("schemagate/schemagate@v" + release)
                .contains("releases/download/v${version}/schemagate-${version}-dist.tar.gz");
    }

    private static CommandSpec spec(Object command) {
        return new CommandLine(command).getCommandSpec();
    }

    /** The CLI's default as the action writes it: a flag is "false", an option without one is "". */
    private static String defaultOf(OptionSpec option) {
        if (option.arity().max() == 0) {
            return "false";
        }
        return option.defaultValue() == null ? "" : option.defaultValue();
    }
}
