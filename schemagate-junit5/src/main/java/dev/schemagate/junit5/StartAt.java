package dev.schemagate.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The version one test's database starts at, instead of {@link MigrationTest#startAt()}: a data
 * migration test starts just before the migration it tests, inserts rows, then migrates.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface StartAt {

    /** {@link MigrationTest#LATEST}, {@link MigrationTest#EMPTY} or a migration version such as {@code 2}. */
    String value();
}
