package dev.schemagate.model;

import java.util.Comparator;

/**
 * One object needing another, as the database records it (PostgreSQL's {@code pg_depend}): a view
 * over a function or another view, a column default or generated column calling a function, a
 * trigger, policy, check or index calling one, a column or routine using a type. A plan drops the
 * dependent before what it needs and creates what it needs before the dependent.
 */
public record Dependency(ObjectRef dependent, ObjectRef referenced) {

    static final Comparator<Dependency> ORDER = (left, right) -> {
        int order = ObjectRef.ORDER.compare(left.dependent, right.dependent);
        return order != 0 ? order : ObjectRef.ORDER.compare(left.referenced, right.referenced);
    };

    public Dependency {
        if (dependent == null || referenced == null) {
            throw new IllegalArgumentException("a dependency needs both of its objects");
        }
    }
}
