package dev.schemagate.mutation;

import java.util.Locale;

/** What became of a mutant. */
public enum Verdict {
    /** The gate (or the test command) reported something the unmutated migrations did not: the mistake was caught. */
    KILLED,
    /** Nothing new was reported: the mistake would have passed the gate. */
    SURVIVED,
    /** The run took longer than {@code --timeout}; counted as caught, as a migration that hangs is noticed. */
    TIMED_OUT,
    /** The mutant leaves the schema and the data exactly as the original does: no check could catch it; left out of the score. */
    EQUIVALENT,
    /** Not run, because the unmutated migrations fail before it; left out of the score. */
    NOT_RUN;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** True when the verdict counts in the kill rate. */
    public boolean scored() {
        return this == KILLED || this == SURVIVED || this == TIMED_OUT;
    }

    /** True when the verdict counts as caught. */
    public boolean caught() {
        return this == KILLED || this == TIMED_OUT;
    }
}
