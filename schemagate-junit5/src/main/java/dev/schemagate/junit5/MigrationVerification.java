package dev.schemagate.junit5;

import dev.schemagate.check.Finding;
import dev.schemagate.engine.CheckName;
import dev.schemagate.engine.MigrationRun;
import dev.schemagate.engine.ProgressListener;
import dev.schemagate.engine.Verifier;
import dev.schemagate.engine.VerifyOptions;
import dev.schemagate.engine.VerifyResult;
import dev.schemagate.migration.Layout;
import dev.schemagate.migration.SpringBootMigrations;
import dev.schemagate.report.CheckOutcome;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A full verify run as dynamic tests, so that its failures show in the team's usual test report:
 * one container per migration holding one test per check, and one test per check for findings
 * that belong to no single migration. Return it from a {@code @TestFactory}:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> migrations() {
 *     return MigrationVerification.of("db/migration").dynamicTests();
 * }
 * }</pre>
 *
 * <p>The run uses the JVM's shared embedded server, the one {@link MigrationTest} uses.
 */
public final class MigrationVerification {

    private final String location;
    private final Layout layout;
    private final String pgVersion;
    private final UnaryOperator<VerifyOptions> customizer;

    private MigrationVerification(String location, Layout layout, String pgVersion, UnaryOperator<VerifyOptions> customizer) {
        this.location = location;
        this.layout = layout;
        this.pgVersion = pgVersion;
        this.customizer = customizer;
    }

    /** Verifies a location as {@link MigrationTest#locations()} names it, with the default checks. */
    public static MigrationVerification of(String location) {
        return new MigrationVerification(location, Layout.AUTO, "17", UnaryOperator.identity());
    }

    /**
     * Verifies the migrations a Spring Boot application on the test class path runs: those of
     * {@code spring.liquibase.change-log} or {@code spring.flyway.locations} in its
     * {@code application.yml} or {@code application.properties}, else of the defaults, with their
     * placeholders or contexts, labels and parameters (as {@link MigrationTest} without locations).
     */
    public static MigrationVerification springBoot() {
        return of("");
    }

    /** The layout, as {@code --layout} names it. */
    public MigrationVerification layout(String id) {
        return new MigrationVerification(location, Layout.fromId(id), pgVersion, customizer);
    }

    /** The major version of the embedded PostgreSQL. */
    public MigrationVerification pgVersion(String major) {
        return new MigrationVerification(location, layout, major, customizer);
    }

    /**
     * Gates the change rather than the history: migrations whose files the git revision (such as
     * {@code origin/main}) holds are only applied, and must be as they were there; the others get
     * every check. The location must be a folder inside a git clone ({@code filesystem:…} or a
     * source folder), not a jar.
     */
    public MigrationVerification since(String ref) {
        return options(options -> options.withSince(ref));
    }

    /** Adjusts the run's options, such as {@code options -> options.withBaseline(Version.parse("3"))}. */
    public MigrationVerification options(UnaryOperator<VerifyOptions> adjust) {
        return new MigrationVerification(location, layout, pgVersion, options -> adjust.apply(customizer.apply(options)));
    }

    /** Runs the verify now and returns its outcome as dynamic tests. */
    public Stream<DynamicNode> dynamicTests() {
        VerifyOptions options = options();
        return nodes(new Verifier(ProgressListener.NONE).verify(options), options.checks()).stream();
    }

    /**
     * Applies the migrations, then probes the schema they leave (see the {@code probes} check): one
     * container per table, holding one test per probe (its valid row, each NOT NULL column, each
     * constraint, each foreign key's ON DELETE, ON UPDATE and deferral), named by table, kind and constraint. A
     * probe that could not be made is aborted with the reason; one the database failed fails with the
     * row tried, what was expected and what the database did, at the run's failing severity. The
     * cascades the migrations add, and any failure to apply them, come as tests of their own.
     */
    public Stream<DynamicNode> probes() {
        VerifyOptions options = options().withChecks(EnumSet.of(CheckName.APPLY, CheckName.PROBES));
        return ProbeTests.nodes(new Verifier(ProgressListener.NONE).verify(options)).stream();
    }

    /** Runs the verify now and returns the whole result, for tests that assert on it directly. */
    public VerifyResult run() {
        return new Verifier(ProgressListener.NONE).verify(options());
    }

    private VerifyOptions options() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        SpringBootMigrations spring = location.isBlank() ? SpringBootClasspath.find(loader) : null;
        VerifyOptions options = spring != null ? VerifyOptions.of(spring.location()).withSettings(spring.settings())
                : VerifyOptions.of(MigrationLocation.resolve(location, loader));
        return customizer.apply(options.withLayout(layout).withServer(TestDatabases.sharedServerOptions(pgVersion)));
    }


    static List<DynamicNode> nodes(VerifyResult result, Set<CheckName> made) {
        List<DynamicNode> nodes = new ArrayList<>();
        List<Finding> attributed = new ArrayList<>();
        for (MigrationRun run : result.runs()) {
            List<Finding> own = result.findings().stream().filter(f -> result.concerns(run, f)).toList();
            attributed.addAll(own);
            List<DynamicNode> checks = new ArrayList<>();
            for (String check : checksOf(made, own)) {
                List<Finding> findings = own.stream().filter(f -> CheckOutcome.checkOf(f.ruleId()).equals(check)).toList();
                String name = run.migration().displayName() + ": " + check;
                checks.add(DynamicTest.dynamicTest(name, () -> judge(result, run, name, check, findings)));
            }
            nodes.add(DynamicContainer.dynamicContainer(run.migration().displayName(), checks.stream()));
        }
        Map<String, List<Finding>> rest = new LinkedHashMap<>();
        result.findings().stream().filter(f -> !attributed.contains(f))
                .forEach(f -> rest.computeIfAbsent(CheckOutcome.checkOf(f.ruleId()), k -> new ArrayList<>()).add(f));
        rest.forEach((check, findings) -> nodes.add(DynamicTest.dynamicTest("whole run: " + check,
                () -> fail("whole run: " + check, result, findings))));
        return nodes;
    }

    private static Set<String> checksOf(Set<CheckName> made, List<Finding> own) {
        Set<String> checks = new LinkedHashSet<>();
        checks.add(CheckName.APPLY.id());
        Arrays.stream(CheckName.values()).filter(made::contains).forEach(check -> checks.add(check.id()));
        own.forEach(f -> checks.add(CheckOutcome.checkOf(f.ruleId())));
        return checks;
    }

    private static void judge(VerifyResult result, MigrationRun run, String name, String check, List<Finding> findings) {
        if (run.status() == MigrationRun.Status.NOT_RUN) {
            throw new TestAbortedException("not run: " + result.stopReason().orElse("an earlier migration failed"));
        }
        if (!check.equals(CheckName.APPLY.id()) && run.status() == MigrationRun.Status.FAILED && findings.isEmpty()) {
            throw new TestAbortedException("not checked: the migration did not apply");
        }
        fail(name, result, findings);
    }

    /**
     * Fails with the findings at the failing severity, under the test's name: build logs and test
     * reports that name a dynamic test by its index still say which migration and check failed.
     */
    static void fail(String name, VerifyResult result, List<Finding> findings) {
        List<Finding> failing = findings.stream().filter(f -> f.severity().atLeast(result.failOn())).toList();
        if (!failing.isEmpty()) {
            throw new AssertionFailedError(name + "\n" + String.join("\n", failing.stream().map(MigrationVerification::describe).toList()));
        }
    }

    static String describe(Finding finding) {
        StringBuilder text = new StringBuilder(finding.location() == null ? "" : finding.location() + ": ")
                .append(finding.message()).append(" [").append(finding.ruleId()).append(']');
        finding.evidence().forEach(line -> text.append("\n    ").append(line));
        if (!finding.hint().isEmpty()) {
            text.append("\n    hint: ").append(finding.hint());
        }
        return text.toString();
    }
}
