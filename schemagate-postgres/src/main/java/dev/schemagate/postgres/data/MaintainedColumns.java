package dev.schemagate.postgres.data;

import dev.schemagate.model.Column;
import dev.schemagate.model.QualifiedName;
import dev.schemagate.model.Routine;
import dev.schemagate.model.Snapshot;
import dev.schemagate.model.Table;
import dev.schemagate.model.Trigger;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of a table whose values the schema writes itself: generated columns, and columns a
 * {@code BEFORE ... FOR EACH ROW} trigger on INSERT or UPDATE assigns ({@code NEW.updated_at := now()}).
 * Their values change whenever a row is written, so a changed value there is no data lost.
 */
final class MaintainedColumns {

    private static final Pattern FUNCTION = Pattern.compile("^(\"(?:[^\"]|\"\")*\"|[^.\"(]+)\\.(\"(?:[^\"]|\"\")*\"|[^.\"(]+)");

    private MaintainedColumns() {
    }

    static Set<String> of(Snapshot snapshot, Table table) {
        Set<String> maintained = new LinkedHashSet<>();
        table.columns().stream().filter(c -> c.generatedExpression() != null).map(Column::name).forEach(maintained::add);
        for (Trigger trigger : table.triggers()) {
            if (!"BEFORE".equals(trigger.timing()) || !trigger.forEachRow()
                    || !(trigger.events().contains("UPDATE") || trigger.events().contains("INSERT"))) {
                continue;
            }
            String body = body(snapshot, trigger.postgres().function());
            for (Column column : table.columns()) {
                if (assigns(body, column.name())) {
                    maintained.add(column.name());
                }
            }
        }
        return maintained;
    }

    /** The bodies of the trigger function (every overload of its name), or empty when unknown. */
    private static String body(Snapshot snapshot, String function) {
        Matcher m = FUNCTION.matcher(function == null ? "" : function);
        if (!m.find()) {
            return "";
        }
        QualifiedName name = QualifiedName.of(unquote(m.group(1)), unquote(m.group(2)));
        StringBuilder bodies = new StringBuilder();
        for (Routine routine : snapshot.routines(name)) {
            bodies.append(routine.body() == null ? routine.definition() : routine.body()).append('\n');
        }
        return bodies.toString();
    }

    static boolean assigns(String body, String column) {
        String quoted = Pattern.quote(column);
        return Pattern.compile("(?i)\\bNEW\\s*\\.\\s*(?:\"" + quoted + "\"|" + quoted + "\\b)\\s*:?=(?!=)").matcher(body).find();
    }

    private static String unquote(String part) {
        return part.startsWith("\"") ? part.substring(1, part.length() - 1).replace("\"\"", "\"") : part;
    }
}
