package dev.schemagate.model.dialect;

import dev.schemagate.model.Enablement;

/**
 * What only PostgreSQL says about a trigger: the function it runs (SQLite and MySQL triggers hold
 * their body in their definition), when it fires with respect to replication, and whether it is a
 * constraint trigger. A trigger of another dialect has {@link #DEFAULTS}.
 *
 * @param function   the trigger function, schema-qualified, or null
 * @param enabled    when it fires; null is read as {@link Enablement#ORIGIN}
 * @param constraint a {@code CONSTRAINT TRIGGER}, which may be deferred
 */
public record PostgresTrigger(String function, Enablement enabled, boolean constraint) implements DialectOwn {

    /** No function, fires as the session's role says, not a constraint trigger. */
    public static final PostgresTrigger DEFAULTS = new PostgresTrigger(null, Enablement.ORIGIN, false);

    public PostgresTrigger {
        enabled = enabled == null ? Enablement.ORIGIN : enabled;
    }

    /** Null (a trigger of another dialect, or a file that leaves the component out) means the defaults. */
    public static PostgresTrigger orDefaults(PostgresTrigger trigger) {
        return trigger == null ? DEFAULTS : trigger;
    }
}
