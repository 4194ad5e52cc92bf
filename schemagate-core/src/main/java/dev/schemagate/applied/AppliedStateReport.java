package dev.schemagate.applied;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.migration.Migration;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Words an environment's {@link AppliedState} for the drift report, as text lines and as JSON. */
public final class AppliedStateReport {

    private static final int LISTED = 10;

    private AppliedStateReport() {
    }

    /** {@code at version 3 (Flyway, public.flyway_schema_history), 2 pending}. */
    public static String summary(AppliedState state) {
        HistoryTable table = state.table();
        String at = state.at().map(v -> (table.tool() == HistoryTool.LIQUIBASE ? "at changeset " : "at version ") + v)
                .orElse("nothing applied");
        return at + " (" + table.tool().displayName() + ", " + table.qualifiedName() + "), " + state.pending().size() + " pending";
    }

    /** The lines that say what is wrong with the history or what waits: failures, unknown versions, edits, pending. */
    public static List<String> details(AppliedState state) {
        List<String> lines = new ArrayList<>();
        for (AppliedEntry failed : state.failed()) {
            lines.add("failed: " + failed.displayName() + (state.table().tool() == HistoryTool.GOLANG_MIGRATE
                    ? " is dirty (it failed part-way; fix the schema by hand, then migrate force)"
                    : " is recorded as failed; repair the history table once the schema is fixed"));
        }
        for (AppliedEntry unknown : state.unknown()) {
            lines.add("unknown: " + unknown.displayName() + " was applied but the folder has no such migration"
                    + " (deleted, renamed, or from another branch)");
        }
        for (AppliedState.ChecksumMismatch mismatch : state.mismatches()) {
            lines.add("checksum mismatch: " + mismatch.migration().up().file() + " was edited after it was applied ("
                    + state.checksums() + " recorded " + abbreviated(mismatch.recorded()) + ", the file now gives "
                    + abbreviated(mismatch.current()) + "); revert the edit and add a new migration instead");
        }
        if (!state.pending().isEmpty()) {
            lines.add("pending: " + names(state.pending()));
        }
        if (!state.outOfOrder().isEmpty()) {
            lines.add("out of order: " + names(state.outOfOrder()) + " older than the applied " + state.at().orElse("")
                    + "; the tool may refuse or skip them");
        }
        return lines;
    }

    /** The state as the {@code history} member of an environment's drift JSON. */
    public static ObjectNode json(AppliedState state, ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        node.put("tool", state.table().tool().id());
        node.put("table", state.table().qualifiedName());
        if (state.at().isPresent()) {
            node.put("at", state.at().get());
        } else {
            node.putNull("at");
        }
        node.put("applied", state.applied().size());
        ArrayNode pending = node.putArray("pending");
        state.pending().forEach(m -> pending.add(m.displayName()));
        ArrayNode outOfOrder = node.putArray("outOfOrder");
        state.outOfOrder().forEach(m -> outOfOrder.add(m.displayName()));
        ArrayNode unknown = node.putArray("unknown");
        state.unknown().forEach(e -> unknown.add(e.displayName()));
        ArrayNode failed = node.putArray("failed");
        state.failed().forEach(e -> failed.add(e.displayName()));
        ArrayNode mismatches = node.putArray("checksumMismatches");
        for (AppliedState.ChecksumMismatch mismatch : state.mismatches()) {
            ObjectNode item = mismatches.addObject();
            item.put("migration", mismatch.migration().displayName());
            item.put("file", mismatch.migration().up().file().toString());
            item.put("recorded", mismatch.recorded());
            item.put("current", mismatch.current());
        }
        node.put("checksums", state.checksums());
        return node;
    }

    private static String names(List<Migration> migrations) {
        String shown = migrations.stream().limit(LISTED).map(Migration::displayName).collect(Collectors.joining(", "));
        return migrations.size() > LISTED ? shown + ", … (" + migrations.size() + " in all)" : shown;
    }

    private static String abbreviated(String checksum) {
        return checksum.length() > 16 ? checksum.substring(0, 16) + "…" : checksum;
    }
}
