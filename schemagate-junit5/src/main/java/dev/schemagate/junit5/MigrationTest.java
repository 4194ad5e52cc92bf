package dev.schemagate.junit5;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives every test of the class a fresh database, cloned from a template on which the migrations
 * of {@link #locations()} were applied once: declare a {@link MigrationDatabase} parameter on a
 * test, {@code @BeforeEach} method or constructor to receive it. One embedded server runs per JVM
 * and is removed when the JVM ends; each test's database is dropped when the test ends.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MigrationExtension.class)
public @interface MigrationTest {

    /** The {@link #startAt()} that applies every migration, repeatable ones included. */
    String LATEST = "latest";

    /** The {@link #startAt()} that applies none: tests start from an empty database. */
    String EMPTY = "empty";

    /**
     * The migrations folder: a class path folder such as {@code db/migration} (Flyway's
     * {@code src/main/resources/db/migration}), {@code classpath:db/migration}, or
     * {@code filesystem:src/main/resources/db/migration} relative to the working directory. Empty
     * (the default): where a Spring Boot application looks, {@code spring.liquibase.change-log} or
     * {@code spring.flyway.locations} of {@code application.yml} or {@code application.properties},
     * else {@code db/changelog/db.changelog-master.yaml} or {@code db/migration}, with their Flyway
     * placeholders or Liquibase contexts, labels and parameters.
     */
    String locations() default "";

    /** The layout the folder follows, as {@code --layout} names it; {@code auto} detects it. */
    String layout() default "auto";

    /** The major version of the embedded PostgreSQL. */
    String pgVersion() default "17";

    /** Where each test's database starts: {@link #LATEST}, {@link #EMPTY} or a migration version; {@link StartAt} overrides it per test. */
    String startAt() default LATEST;
}
