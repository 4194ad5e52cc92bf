package dev.schemagate.diff;

import dev.schemagate.model.dialect.DialectOwn;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the fields of model records generically, for the code that walks or compares any kind of
 * record the same way: the snapshot comparison, ignore rules and migration plans.
 */
public final class RecordFields {

    private RecordFields() {
    }

    /** The value of one field of the record. */
    public static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of "
                    + record.getClass().getSimpleName(), e);
        }
    }

    /**
     * Both records hold equal values in every field except those named; a plan uses it to see that
     * only what it sets separately (a comment, an owner) changed. What a dialect alone says
     * ({@link DialectOwn}) is compared field by field as the record's own, so its fields can be named too.
     */
    public static boolean sameExcept(Record a, Record b, String... ignored) {
        if (a.getClass() != b.getClass()) {
            return false;
        }
        Set<String> skip = Set.of(ignored);
        for (RecordComponent component : a.getClass().getRecordComponents()) {
            Object x = read(component, a);
            Object y = read(component, b);
            if (x instanceof DialectOwn && y instanceof DialectOwn) {
                if (!sameExcept((Record) x, (Record) y, ignored)) {
                    return false;
                }
            } else if (!skip.contains(component.getName()) && !Objects.equals(x, y)) {
                return false;
            }
        }
        return true;
    }
}
