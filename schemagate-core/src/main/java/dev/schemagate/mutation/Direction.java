package dev.schemagate.mutation;

import java.util.Locale;

/** Which script of a migration a mutant changes. */
public enum Direction {
    UP, DOWN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
