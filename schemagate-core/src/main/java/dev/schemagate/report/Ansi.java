package dev.schemagate.report;

/**
 * Colours for terminals, and none elsewhere: CI logs and files get plain text. Honours
 * {@code NO_COLOR} and {@code TERM=dumb}.
 */
public record Ansi(boolean enabled) {

    /** No colours at all, for files and logs. */
    public static final Ansi PLAIN = new Ansi(false);

    public static Ansi detect() {
        boolean terminal = System.console() != null;
        String term = System.getenv("TERM");
        boolean allowed = System.getenv("NO_COLOR") == null && !"dumb".equals(term);
        return new Ansi(terminal && allowed);
    }

    public String green(String text) {
        return wrap("32", text);
    }

    public String red(String text) {
        return wrap("31", text);
    }

    public String yellow(String text) {
        return wrap("33", text);
    }

    public String dim(String text) {
        return wrap("2", text);
    }

    public String bold(String text) {
        return wrap("1", text);
    }

    private String wrap(String code, String text) {
        return enabled ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
