package dev.schemagate.migration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Pairs up and down files by version, for the layouts that keep the two directions of a migration
 * in two files (plain, golang-migrate, Flyway). A second file for one version and direction is an
 * input error, and so is a down file without an up file.
 */
final class VersionPairs {

    /** One direction's file, with what its name says. */
    record Side(SourceFile file, String description, Transaction transaction) {
    }

    private final TreeMap<Version, Side> ups = new TreeMap<>();
    private final TreeMap<Version, Side> downs = new TreeMap<>();

    void up(Version version, Side side) {
        putOnce(ups, version, side);
    }

    void down(Version version, Side side) {
        putOnce(downs, version, side);
    }

    /** The down file of {@code version} when {@code down}, else its up file. */
    void add(Version version, Side side, boolean down) {
        putOnce(down ? downs : ups, version, side);
    }

    /** The lowest version that has an up file. */
    Optional<Version> lowestUp() {
        return ups.isEmpty() ? Optional.empty() : Optional.of(ups.firstKey());
    }

    /** These pairs, with each missing direction taken from {@code fallback} where it has one. */
    VersionPairs orElse(VersionPairs fallback) {
        VersionPairs merged = new VersionPairs();
        merged.ups.putAll(fallback.ups);
        merged.ups.putAll(ups);
        merged.downs.putAll(fallback.downs);
        merged.downs.putAll(downs);
        return merged;
    }

    List<Migration> migrations() {
        for (Map.Entry<Version, Side> down : downs.entrySet()) {
            if (!ups.containsKey(down.getKey())) {
                throw new InputException(down.getValue().file().path() + ": is the down migration of version "
                        + down.getKey() + ", which has no up migration; add the up migration or remove this file");
            }
        }
        List<Migration> migrations = new ArrayList<>();
        for (Map.Entry<Version, Side> up : ups.entrySet()) {
            Optional<Script> down = Optional.ofNullable(downs.get(up.getKey())).map(VersionPairs::script);
            migrations.add(new Migration(up.getKey(), up.getValue().description(), script(up.getValue()), down));
        }
        return migrations;
    }

    /** The error for two migrations (or two files of one direction) that share a version. */
    static InputException sameVersion(Version version, Path first, Path second) {
        return new InputException(second + ": has the same version (" + version + ") as " + first
                + "; give one of them another version");
    }

    private static Script script(Side side) {
        return side.file().wholeScript(side.transaction());
    }

    /** Adds a file for a version, refusing a second one. */
    static void putOnce(Map<Version, Side> sides, Version version, Side side) {
        Side old = sides.putIfAbsent(version, side);
        if (old != null) {
            throw sameVersion(version, old.file().path(), side.file().path());
        }
    }
}
