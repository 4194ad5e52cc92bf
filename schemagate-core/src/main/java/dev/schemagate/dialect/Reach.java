package dev.schemagate.dialect;

/**
 * What a statement changes or reads outside the database it runs in, as its dialect recognises
 * it. On a server the run does not own, such a statement could change what other people rely on,
 * so it is refused before anything runs.
 *
 * @param scope   what is reached
 * @param command the words that reach it, as a reader would name them ({@code DROP DATABASE}, {@code pg_read_file()})
 */
public record Reach(Scope scope, String command) {

    /** The kinds of things outside one database a statement can reach. */
    public enum Scope {
        DATABASES("other databases of the server"),
        ROLES("roles, which every database of the server shares"),
        TABLESPACES("tablespaces, which every database of the server shares"),
        SERVER("the server itself (its settings, sessions or replication)"),
        FILES("files on the server's host"),
        PROGRAMS("programs on the server's host"),
        OTHER_SERVERS("other databases or servers, through a connection of its own");

        private final String description;

        Scope(String description) {
            this.description = description;
        }

        /** What is reached, for people: {@code other databases of the server}. */
        public String description() {
            return description;
        }
    }
}
