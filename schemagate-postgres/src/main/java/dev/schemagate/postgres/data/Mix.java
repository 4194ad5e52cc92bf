package dev.schemagate.postgres.data;

import java.nio.charset.StandardCharsets;

/** Deterministic hashing (SplitMix64) that turns a seed and a name or number into well-spread bits. */
final class Mix {

    private Mix() {
    }

    static long mix(long seed, long value) {
        long z = seed + 0x9e3779b97f4a7c15L * (value + 1);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long mix(long seed, String name) {
        long hash = seed;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash = mix(hash, b);
        }
        return hash;
    }
}
