package dev.schemagate.postgres.plan;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Objects;
import java.util.Set;

/**
 * Compares model records while leaving some fields aside, such as comments, which a plan sets with
 * COMMENT ON instead of recreating the object.
 */
final class Records {

    private Records() {
    }

    /** Both records hold equal values in every field except those named. */
    static boolean sameExcept(Record a, Record b, String... ignored) {
        if (a.getClass() != b.getClass()) {
            return false;
        }
        Set<String> skip = Set.of(ignored);
        for (RecordComponent component : a.getClass().getRecordComponents()) {
            if (!skip.contains(component.getName()) && !Objects.equals(read(component, a), read(component, b))) {
                return false;
            }
        }
        return true;
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of "
                    + record.getClass().getSimpleName(), e);
        }
    }
}
