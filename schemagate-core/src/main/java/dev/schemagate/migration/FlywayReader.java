package dev.schemagate.migration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.schemagate.migration.VersionPairs.Side;

/**
 * The Flyway layout, read recursively as Flyway scans its locations: {@code V<version>__<name>.sql}
 * applies a version ({@code 1}, {@code 1.2} and {@code 1_2} are versions, the last two the same
 * one), {@code U<version>__<name>.sql} undoes it, {@code R__<name>.sql} is repeatable (applied after
 * every versioned one, by name), and {@code <script>.sql.conf} may say
 * {@code executeInTransaction=false}. Placeholders are replaced as Flyway replaces them (see
 * {@link Placeholders}), and files that are none of these are ignored, as Flyway ignores them.
 *
 * <p>Flyway runs each migration in a transaction unless every statement of it must run outside
 * one (then it runs it without); a migration that mixes both kinds is refused unless
 * {@code mixed} is set, which runs such a migration without a transaction.
 *
 * <p>Baseline migrations ({@code B<version>__<name>.sql}) stand, by Flyway's contract, for all the
 * versioned migrations up to their version, and Flyway runs one only on an empty database. The
 * versioned history is what every existing database went through, so it is the one verified: a
 * baseline is ignored when a versioned migration at or below its version exists. Where the history
 * below a baseline has been deleted, the latest such baseline is the only way to that state and is
 * read as the first versioned migration, as Flyway itself would start an empty database from it.
 */
final class FlywayReader implements LayoutReader {

    private static final Pattern NAME = Pattern.compile("(?:([VUB])(\\d+(?:[._]\\d+)*)|R)__(.*)\\.sql(\\.conf)?");
    private static final Pattern NO_TRANSACTION = Pattern.compile("(?m)^\\s*executeInTransaction\\s*=\\s*false\\s*$");

    private final FlywaySettings settings;

    FlywayReader(FlywaySettings settings) {
        this.settings = settings;
    }

    @Override
    public Optional<String> ignores(SourceFile file) {
        return Optional.of("Flyway reads only V, U, B and R scripts (and their .conf files)");
    }

    @Override
    public Layout layout() {
        return Layout.FLYWAY;
    }

    @Override
    public boolean recognizes(SourceFile file) {
        return NAME.matcher(file.name()).matches();
    }

    @Override
    public String expected() {
        return "V<version>__<name>.sql, U<version>__<name>.sql, B<version>__<name>.sql, R__<name>.sql, <script>.sql.conf";
    }

    @Override
    public List<Migration> read(List<SourceFile> files) {
        Map<String, SourceFile> configs = new HashMap<>();
        for (SourceFile file : files) {
            if (file.name().endsWith(".conf")) {
                configs.put(file.relative().substring(0, file.relative().length() - ".conf".length()), file);
            }
        }
        VersionPairs pairs = new VersionPairs();
        TreeMap<Version, Side> baselines = new TreeMap<>();
        Map<String, Side> repeatables = new TreeMap<>();
        for (SourceFile file : files) {
            Matcher name = LayoutReader.matched(NAME, file.name());
            if (name.group(4) != null) {
                continue; // a script config, read with its script
            }
            SourceFile replaced = file.withText(Placeholders.replace(file, settings));
            Side side = new Side(replaced, name.group(3), transaction(configs.remove(file.relative())));
            String prefix = name.group(1) == null ? "R" : name.group(1);
            switch (prefix) {
                case "V" -> pairs.up(Version.parse(name.group(2)), side);
                case "U" -> pairs.down(Version.parse(name.group(2)), side);
                case "B" -> VersionPairs.putOnce(baselines, Version.parse(name.group(2)), side);
                default -> putRepeatable(repeatables, side);
            }
        }
        for (SourceFile orphan : configs.values()) {
            throw new InputException(orphan.path() + ": configures a script that is not there; rename or remove it");
        }
        Optional<Version> lowest = pairs.lowestUp();
        Map.Entry<Version, Side> start = lowest.isPresent() ? baselines.lowerEntry(lowest.get()) : baselines.lastEntry();
        if (start != null) {
            pairs.up(start.getKey(), start.getValue());
        }
        List<Migration> migrations = new ArrayList<>(pairs.migrations());
        for (Side repeatable : repeatables.values()) {
            Script up = repeatable.file().wholeScript(repeatable.transaction());
            migrations.add(new Migration(null, repeatable.description(), up, Optional.empty()));
        }
        return migrations;
    }

    private static void putRepeatable(Map<String, Side> repeatables, Side side) {
        Side old = repeatables.putIfAbsent(side.description(), side);
        if (old != null) {
            throw new InputException(side.file().path() + ": is a second repeatable migration named '" + side.description()
                    + "', like " + old.file().path() + "; rename one of them");
        }
    }

    private Transaction transaction(SourceFile config) {
        if (config != null && NO_TRANSACTION.matcher(config.text()).find()) {
            return Transaction.none("Flyway");
        }
        return new Transaction(settings.mixed() ? Transaction.Mode.DETECTED_MIXED : Transaction.Mode.DETECTED, "Flyway",
                "Flyway runs a migration whose statements all must run outside a transaction without one"
                        + " (or set flyway.mixed=true, or executeInTransaction=false in a <script>.sql.conf beside it)");
    }
}
