package dev.schemagate.mutation.operator;

import dev.schemagate.mutation.ColumnTypes;
import dev.schemagate.mutation.Span;
import dev.schemagate.mutation.TableStatement;

import java.util.regex.Pattern;

/** What the rollback operators recognise in a down script's statements. */
final class RollbackSteps {

    static final Pattern SET_DEFAULT = Pattern.compile("ALTER\\s+(?:COLUMN\\s+)?(" + TableStatement.IDENT + ")\\s+SET\\s+DEFAULT\\b",
            Pattern.CASE_INSENSITIVE);
    static final Pattern SET_NOT_NULL = Pattern.compile("ALTER\\s+(?:COLUMN\\s+)?" + TableStatement.IDENT + "\\s+SET\\s+NOT\\s+NULL\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SETTING = Pattern.compile("^\\s*(?:SET|RESET|BEGIN|COMMIT|START\\s+TRANSACTION)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP = Pattern.compile("^\\s*(?:DROP\\b|ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?"
            + TableStatement.NAME + "\\s+DROP\\b)", Pattern.CASE_INSENSITIVE);

    private RollbackSteps() {
    }

    /** A statement only one action long that a narrower operator leaves out on its own. */
    static boolean coveredElsewhere(String masked) {
        if (DropIndex.CREATE_INDEX.matcher(masked).find()) {
            return true;
        }
        return TableStatement.parse(masked).filter(t -> !t.create() && t.parts().size() == 1).map(t -> {
            Span action = t.parts().get(0);
            return SET_DEFAULT.matcher(masked).region(action.start(), action.end()).lookingAt()
                    || SET_NOT_NULL.matcher(masked).region(action.start(), action.end()).lookingAt()
                    || ColumnTypes.alteredType(masked, action).isPresent();
        }).orElse(false);
    }

    /** A session setting or transaction control: leaving it out is not the mistake meant. */
    static boolean setting(String masked) {
        return SETTING.matcher(masked).find();
    }

    static boolean drops(String masked) {
        return DROP.matcher(masked).find();
    }
}
