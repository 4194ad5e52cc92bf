package dev.schemagate.postgres.server;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.Calendar;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs, once per JVM, the JDK code that the first connection's SCRAM exchange and session set-up
 * need (the security providers' list, PBKDF2, HMAC and SHA-256, Unicode normalisation, the
 * calendar), while the server starts: on a cold JVM that code takes tens of milliseconds, which
 * would otherwise come after the server is ready, on the way to the first connection.
 */
final class CryptoWarmup {

    private static final String HMAC = "HmacSHA256";
    private static final AtomicBoolean DONE = new AtomicBoolean();

    private CryptoWarmup() {
    }

    static void run() {
        if (!DONE.compareAndSet(false, true)) {
            return;
        }
        try {
            byte[] bytes = new byte[32];
            SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec("schemagate".toCharArray(), bytes, 1, 256));
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(bytes, HMAC));
            mac.doFinal(bytes);
            MessageDigest.getInstance("SHA-256").digest(bytes);
            Normalizer.normalize("schemagate", Normalizer.Form.NFKC);
            Calendar.getInstance();
        } catch (GeneralSecurityException missing) {
            // the connection itself reports what this JVM lacks
        }
    }
}
