package dev.schemagate.model;

import java.util.Comparator;

/**
 * One object needing another, as the database records it (PostgreSQL's {@code pg_depend}): a view
 * over a function or another view, a column default or generated column calling a function, a
 * trigger, policy, check or index calling one, a column or routine using a type. A plan drops the
 * dependent before what it needs and creates what it needs before the dependent.
 */
public record Dependency(ObjectRef dependent, ObjectRef referenced) {

    static final Comparator<Dependency> ORDER = Comparator.comparing(Dependency::dependent, ObjectRef.ORDER)
            .thenComparing(Dependency::referenced, ObjectRef.ORDER);

    public Dependency {
        if (dependent == null || referenced == null) {
            throw new IllegalArgumentException("a dependency needs both of its objects");
        }
    }
}
