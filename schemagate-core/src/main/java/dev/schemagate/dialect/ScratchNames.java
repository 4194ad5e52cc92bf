package dev.schemagate.dialect;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of scratch databases, {@code schemagate_<run start, epoch seconds>_<run id>_<n>}: unique to
 * a run, and telling a later run which databases a killed run left behind, and how old they are.
 * Every dialect that makes scratch databases on a server names them so.
 */
public final class ScratchNames {

    /** Exactly the names this class gives, and no name a person would pick. */
    public static final Pattern PATTERN = Pattern.compile("schemagate_(\\d{10})_([a-z0-9]{6})_(\\d{1,9})");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String prefix;
    private final AtomicInteger counter = new AtomicInteger();

    public ScratchNames() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        prefix = "schemagate_" + Instant.now().getEpochSecond() + "_" + id + "_";
    }

    /** The next name of this run. */
    public String next() {
        return prefix + counter.incrementAndGet();
    }

    /** When the run that named it started, for a name of this pattern. */
    public static Optional<Instant> startOf(String name) {
        Matcher m = PATTERN.matcher(name);
        return m.matches() ? Optional.of(Instant.ofEpochSecond(Long.parseLong(m.group(1)))) : Optional.empty();
    }

    /** A password for a server a run starts for itself: 24 random letters and digits. */
    public static String randomSecret() {
        StringBuilder secret = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }
}
