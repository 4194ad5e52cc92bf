package dev.schemagate.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.schemagate.migration.ConfigKeys;
import dev.schemagate.migration.InputException;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code environments} and {@code ignore} sections of a {@code schemagate.yml} (other
 * sections, such as {@code lint}, belong to other readers and are left alone):
 * <pre>
 * environments:
 *   staging:
 *     url: ${STAGING_DATABASE_URL}          # or a literal jdbc:postgresql://host:5432/app
 *     user: ${STAGING_DB_USER}               # optional
 *     password: ${STAGING_DB_PASSWORD}       # optional; only from the environment
 *     history: auto                          # optional: auto, none, or the tool whose history table to read
 *     historyTable: app.flyway_history       # optional: the table, when it is not the tool's default
 * ignore:
 *   schemas: [audit]
 *   names: ['public.tmp_*']
 *   kinds: [owners, privileges, comments]
 * </pre>
 * {@code ${NAME}} is replaced by the environment variable; a password written in the file itself
 * is refused, so that none is ever committed.
 */
public record DriftConfig(Path file, Map<String, Environment> environments, IgnoreRules ignore) {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    /** A password written in a URL ({@code ?password=x} or {@code //user:x@host}) rather than taken from a variable. */
    private static final Pattern PASSWORD_IN_URL = Pattern.compile(
            "(?i)[?&;](ssl)?password=(?!\\$\\{\\w+}(?:[&;]|$))[^&;]|//[^/@:?]*:(?!\\$\\{\\w+}@)[^/?#]*@");

    /**
     * One environment as the file writes it, {@code ${NAME}} references not yet replaced.
     *
     * @param history      {@code auto} (find the history table), {@code none}, or a tool id
     * @param historyTable the history table's {@code schema.name} or {@code name}, or ""
     */
    public record Environment(String name, String url, String user, String password, String history, String historyTable) {
    }

    public DriftConfig {
        environments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environments));
    }

    /**
     * The JDBC URL of the environment, with its user and password from the environment variables.
     * Print it only through a redacting function: it may carry the password.
     */
    public String jdbcUrl(Environment environment, Map<String, String> variables) {
        String key = "environments." + environment.name();
        String url = expand(file, key + ".url", environment.url(), variables);
        if (!url.startsWith("jdbc:")) {
            throw new InputException(file + ": " + key + ".url must be a jdbc: URL (or ${VARIABLE} holding one)");
        }
        String user = expand(file, key + ".user", environment.user(), variables);
        String password = expand(file, key + ".password", environment.password(), variables);
        StringBuilder full = new StringBuilder(url);
        if (!user.isEmpty()) {
            full.append(url.contains("?") ? '&' : '?').append("user=").append(encode(user));
        }
        if (!password.isEmpty()) {
            full.append(full.indexOf("?") >= 0 ? '&' : '?').append("password=").append(encode(password));
        }
        return full.toString();
    }

    /**
     * The config of the file, or none when the file does not exist.
     *
     */
    public static DriftConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            return new DriftConfig(file, Map.of(), IgnoreRules.none());
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(file + ": is not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        ConfigKeys.checkFile(file, root);
        Map<String, Environment> environments = new LinkedHashMap<>();
        JsonNode section = root == null ? null : root.get("environments");
        if (section != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                environments.put(entry.getKey(), environment(file, entry.getKey(), entry.getValue()));
            }
        }
        JsonNode ignore = root == null ? null : root.get("ignore");
        IgnoreRules rules;
        try {
            rules = ignore == null ? IgnoreRules.none() : new IgnoreRules(new TreeSet<>(strings(ignore, "schemas")),
                    strings(ignore, "names"), Set.copyOf(strings(ignore, "kinds")));
        } catch (InputException e) {
            throw new InputException(file + ": " + e.getMessage(), e);
        }
        return new DriftConfig(file, environments, rules);
    }

    private static Environment environment(Path file, String name, JsonNode node) {
        String password = node.path("password").asText("");
        if (!password.isEmpty() && !VARIABLE.matcher(password).matches()) {
            throw new InputException(file + ": environments." + name + ".password must name an environment variable, "
                    + "such as ${STAGING_DB_PASSWORD}; never write a password in the file");
        }
        if (PASSWORD_IN_URL.matcher(node.path("url").asText("")).find()) {
            throw new InputException(file + ": environments." + name + ".url holds a password; never write a password in"
                    + " the file: write password: ${STAGING_DB_PASSWORD}, or take the whole URL from a variable (url: ${STAGING_URL})");
        }
        if (node.path("url").asText("").isEmpty()) {
            throw new InputException(file + ": environments." + name + ".url is missing; write a jdbc: URL or ${VARIABLE}");
        }
        return new Environment(name, node.path("url").asText(), node.path("user").asText(""), password,
                node.path("history").asText("auto"), node.path("historyTable").asText(""));
    }

    private static String expand(Path file, String key, String text, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = variables.get(matcher.group(1));
            if (value == null) {
                throw new InputException(file + ": " + key + " needs the environment variable " + matcher.group(1)
                        + ", which is not set; set it, or name other environments with --actual");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        node.path(field).forEach(value -> values.add(value.asText()));
        return values;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
