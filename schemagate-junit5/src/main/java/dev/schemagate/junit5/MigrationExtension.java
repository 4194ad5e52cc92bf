package dev.schemagate.junit5;

import dev.schemagate.migration.Layout;
import dev.schemagate.migration.SpringBootMigrations;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.AnnotatedElement;
import java.nio.file.Path;
import java.util.Map;

/**
 * The extension behind {@link MigrationTest}: resolves {@link MigrationDatabase} parameters to
 * one database per test (the test method and its {@code @BeforeEach} methods share it), cloned
 * from the template of its start version, and drops it when the test ends.
 */
public final class MigrationExtension implements BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MigrationExtension.class);

    /** Opens the test's database before any {@code @BeforeEach} method, so that a failing migration fails the test as an assertion. */
    @Override
    public void beforeEach(ExtensionContext context) {
        database(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MigrationDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("a MigrationDatabase belongs to one test: declare it on a test, "
                    + "@BeforeEach or @AfterEach method, not on " + parameter.getDeclaringExecutable());
        }
        return database(context);
    }

    private static MigrationDatabase database(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(MigrationDatabase.class, key -> open(context), MigrationDatabase.class);
    }

    private static MigrationDatabase open(ExtensionContext context) {
        MigrationTest settings = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), MigrationTest.class)
                .orElseThrow(() -> new ParameterResolutionException(context.getRequiredTestClass().getName()
                        + " needs @MigrationTest(locations = \"...\") to receive a MigrationDatabase"));
        String startAt = AnnotationSupport.findAnnotation((AnnotatedElement) context.getRequiredTestMethod(), StartAt.class)
                .map(StartAt::value).orElse(settings.startAt());
        ClassLoader loader = context.getRequiredTestClass().getClassLoader();
        SpringBootMigrations spring = settings.locations().isBlank() ? SpringBootClasspath.find(loader) : null;
        Path directory = spring != null ? spring.location() : MigrationLocation.resolve(settings.locations(), loader);
        Map<String, String> toolSettings = spring != null ? spring.settings() : Map.of();
        Layout layout = Layout.fromId(settings.layout());
        MigrationPlan plan = TestDatabases.plan(directory, layout, toolSettings);
        int position = plan.position(startAt);
        return new MigrationDatabase(TestDatabases.database(settings.pgVersion(), directory, layout, toolSettings, position), plan, position);
    }
}
