package dev.schemagate.applied;

import dev.schemagate.migration.Migration;
import dev.schemagate.migration.MigrationSet;
import dev.schemagate.migration.Version;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where an environment is in a migrations folder, from its history table: the migrations it applied
 * (those the schema is compared with), those pending, the versions it applied that the folder does
 * not hold, failed or dirty entries, and applied scripts edited since (their checksum differs).
 *
 * @param table       the history table read
 * @param at          the newest migration applied (its version, or a Liquibase changeset's {@code author:id}), or empty
 * @param applied     the folder's migrations the environment applied, in the folder's order
 * @param pending     the folder's migrations it did not apply (a changed Flyway repeatable too: Flyway reruns it)
 * @param outOfOrder  the pending migrations older than the newest applied one
 * @param unknown     entries of the table that no migration of the folder matches
 * @param failed      entries the tool recorded as failed, or golang-migrate's dirty version
 * @param mismatches  applied scripts whose checksum is not the one recorded
 * @param checksums   what was checked: {@code "Flyway CRC32"}, {@code "sqlx SHA-384"}, or why nothing was
 */
public record AppliedState(HistoryTable table, Optional<String> at, List<Migration> applied, List<Migration> pending,
                           List<Migration> outOfOrder, List<AppliedEntry> unknown, List<AppliedEntry> failed,
                           List<ChecksumMismatch> mismatches, String checksums) {

    /** An applied script edited after it was applied. */
    public record ChecksumMismatch(Migration migration, String recorded, String current) {
    }

    /** True when the history itself shows drift: failed entries, versions the folder lacks, edited scripts. */
    public boolean troubled() {
        return !unknown.isEmpty() || !failed.isEmpty() || !mismatches.isEmpty();
    }

    /** Compares the folder with what the history says was applied. */
    public static AppliedState of(MigrationSet set, AppliedHistory history) {
        HistoryTool tool = history.table().tool();
        List<Migration> applied = new ArrayList<>();
        List<Migration> pending = new ArrayList<>();
        List<AppliedEntry> matched = new ArrayList<>();
        List<AppliedEntry> failed = new ArrayList<>(history.entries().stream().filter(e -> !e.success()).toList());
        List<ChecksumMismatch> mismatches = new ArrayList<>();
        Optional<Version> baseline = history.entries().stream().filter(e -> e.kind() == AppliedEntry.Kind.BASELINE)
                .map(e -> version(e.version())).flatMap(Optional::stream).findFirst();
        for (Migration migration : set.migrations()) {
            Optional<AppliedEntry> entry = history.entries().stream().filter(e -> matches(tool, history.cumulative(), migration, e)).findFirst();
            entry.filter(e -> !history.cumulative() || version(e.version()).equals(Optional.ofNullable(migration.version())))
                    .ifPresent(matched::add);
            boolean belowBaseline = baseline.isPresent() && migration.version() != null && migration.version().compareTo(baseline.get()) <= 0;
            if (entry.isEmpty() && !belowBaseline) {
                pending.add(migration);
                continue;
            }
            if (entry.isPresent() && !entry.get().success()) {
                continue;
            }
            Optional<ChecksumMismatch> mismatch = entry.flatMap(e -> mismatch(tool, migration, e));
            if (mismatch.isPresent() && migration.repeatable()) {
                pending.add(migration);
            } else {
                mismatch.ifPresent(mismatches::add);
            }
            applied.add(migration);
        }
        List<AppliedEntry> unknown = history.entries().stream()
                .filter(e -> e.success() && e.kind() != AppliedEntry.Kind.BASELINE && !matched.contains(e)).toList();
        Optional<Migration> newest = applied.stream().filter(m -> !m.repeatable()).reduce((a, b) -> b);
        List<Migration> outOfOrder = tool == HistoryTool.LIQUIBASE || newest.isEmpty() ? List.of() : pending.stream()
                .filter(m -> !m.repeatable() && m.version().compareTo(newest.get().version()) < 0).toList();
        Optional<String> at = newest.map(m -> tool == HistoryTool.LIQUIBASE ? m.description() : m.version().text());
        String checksums = switch (tool) {
            case FLYWAY -> "Flyway CRC32";
            case SQLX -> "sqlx SHA-384";
            case LIQUIBASE -> "not checked (Liquibase's MD5SUM is not reproduced)";
            default -> "not checked (" + tool.displayName() + " records none)";
        };
        return new AppliedState(history.table(), at, applied, pending, outOfOrder, unknown, failed, mismatches, checksums);
    }

    private static boolean matches(HistoryTool tool, boolean cumulative, Migration migration, AppliedEntry entry) {
        if (migration.repeatable() || entry.kind() == AppliedEntry.Kind.REPEATABLE) {
            return migration.repeatable() && entry.kind() == AppliedEntry.Kind.REPEATABLE
                    && entry.description().equals(migration.description().replace('_', ' '));
        }
        if (tool == HistoryTool.LIQUIBASE) {
            return entry.description().equals(migration.description())
                    && Path.of(entry.script()).getFileName().equals(migration.up().file().getFileName());
        }
        Optional<Version> recorded = version(entry.version());
        if (recorded.isEmpty() || entry.kind() == AppliedEntry.Kind.BASELINE) {
            return false;
        }
        if (cumulative) {
            return migration.version().compareTo(recorded.get()) <= 0;
        }
        String text = migration.version().text();
        return recorded.get().equals(migration.version())
                || tool == HistoryTool.POPX && text.length() > 14 && entry.version().equals(text.substring(0, 14));
    }

    private static Optional<ChecksumMismatch> mismatch(HistoryTool tool, Migration migration, AppliedEntry entry) {
        if (entry.checksum() == null) {
            return Optional.empty();
        }
        String current = switch (tool) {
            case FLYWAY -> Checksums.flyway(migration.up().file());
            case SQLX -> Checksums.sqlx(migration.up().file());
            default -> entry.checksum();
        };
        return current.equals(entry.checksum()) ? Optional.empty() : Optional.of(new ChecksumMismatch(migration, entry.checksum(), current));
    }

    private static Optional<Version> version(String text) {
        return text != null && Version.isVersion(text) ? Optional.of(Version.parse(text)) : Optional.empty();
    }
}
