package dev.schemagate.model.dialect;

import dev.schemagate.model.Canonical;

import java.util.List;

/**
 * What only PostgreSQL says about a view: its options, set with {@code WITH (...)}. A view of another
 * dialect, and a view without options, has {@link #DEFAULTS}.
 *
 * @param options {@code security_barrier=true}, {@code security_invoker=true} or {@code check_option=local},
 *                sorted (PostgreSQL keeps a view's check option among its options; MySQL's is its own field)
 */
public record PostgresView(List<String> options) implements DialectOwn {

    /** No option. */
    public static final PostgresView DEFAULTS = new PostgresView(null);

    public PostgresView {
        options = Canonical.sorted(options, String::compareTo);
    }

    /** Null (a view of another dialect, or a file that leaves the component out) means the defaults. */
    public static PostgresView orDefaults(PostgresView view) {
        return view == null ? DEFAULTS : view;
    }
}
