package dev.schemagate.postgres.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the common forms of CHECK constraint, as {@code pg_get_constraintdef} renders them, into
 * {@link Hints} for one subject (a column name, or {@code VALUE} for a domain): {@code x >= 0},
 * {@code x > 0}, {@code x = ANY (ARRAY[...])}, {@code length(x) <= n}, {@code x = upper(x)},
 * {@code x <> ''}, and equalities that are alternatives of an OR ({@code (x = 1) OR (x = 2) OR (...)}).
 * Casts and redundant parentheses are dropped first; other forms are ignored.
 */
final class CheckParser {

    private static final String IDENT = "(?:\"[^\"]*+(?:\"\"[^\"]*+)*+\"|[A-Za-z_][\\w$]*)";
    private static final Pattern CAST = Pattern.compile("::(?:" + IDENT + "\\.)?(?:character varying|double precision"
            + "|bit varying|time(?:stamp)?(?:\\(\\d+\\))? with(?:out)? time zone|" + IDENT + ")(?:\\([\\d, ]+\\))?(?:\\[\\])*");
    private static final Pattern PARENTHESIZED =
            Pattern.compile("(?<![\\w\"])\\((" + IDENT + "|'[^']*+(?:''[^']*+)*+'|-?\\d+(?:\\.\\d+)?)\\)");
    private static final String NUMBER = "'?(-?\\d+(?:\\.\\d+)?)'?";
    private static final Pattern LITERAL = Pattern.compile("'[^']*+(?:''[^']*+)*+'|-?\\d+(?:\\.\\d+)?");

    private CheckParser() {
    }

    /** The hints the given CHECK definitions put on {@code subject}. */
    static Hints hints(List<String> definitions, String subject) {
        Hints hints = Hints.NONE;
        for (String definition : definitions) {
            hints = hints(normalized(definition), subject, hints);
        }
        return hints;
    }

    static String normalized(String definition) {
        String text = CAST.matcher(definition).replaceAll("");
        String previous;
        do {
            previous = text;
            text = PARENTHESIZED.matcher(text).replaceAll("$1");
        } while (!text.equals(previous));
        return text;
    }

    private static Hints hints(String text, String subject, Hints start) {
        String x = "(?<![\\w\"])(?:" + Pattern.quote(subject) + "|" + Pattern.quote(Quote.ident(subject)) + ")(?![\\w\"])";
        Hints hints = start;
        for (MatchResult m : matches(text, x + " (>=|>) " + NUMBER)) {
            hints = hints.withMin(new Hints.Bound(new BigDecimal(m.group(2)), m.group(1).equals(">")));
        }
        for (MatchResult m : matches(text, NUMBER + " (<=|<) " + x)) {
            hints = hints.withMin(new Hints.Bound(new BigDecimal(m.group(1)), m.group(2).equals("<")));
        }
        for (MatchResult m : matches(text, x + " (<=|<) " + NUMBER)) {
            hints = hints.withMax(new Hints.Bound(new BigDecimal(m.group(2)), m.group(1).equals("<")));
        }
        for (MatchResult m : matches(text, NUMBER + " (>=|>) " + x)) {
            hints = hints.withMax(new Hints.Bound(new BigDecimal(m.group(1)), m.group(2).equals(">")));
        }
        for (MatchResult m : matches(text, x + " = ANY \\(+ARRAY\\[([^\\]]*)\\]")) {
            hints = hints.withAllowed(literals(m.group(1)));
        }
        for (MatchResult m : matches(text, x + " IN \\(([^)]*)\\)")) {
            hints = hints.withAllowed(literals(m.group(1)));
        }
        List<String> alternatives = matches(text, "(?<=\\(|OR )\\(" + x + " = (" + LITERAL + ")\\)(?= OR|\\))").stream()
                .map(m -> m.group(1)).toList();
        if (!alternatives.isEmpty()) {
            hints = hints.withAllowed(alternatives);
        }
        String length = "(?:length|char_length|character_length)\\(" + x + "\\)";
        for (MatchResult m : matches(text, length + " (<=|<|>=|>|=) (\\d+)")) {
            int n = Integer.parseInt(m.group(2));
            hints = switch (m.group(1)) {
                case "<=" -> hints.withMaxLength(n);
                case "<" -> hints.withMaxLength(n - 1);
                case ">=" -> hints.withMinLength(n);
                case ">" -> hints.withMinLength(n + 1);
                default -> hints.withMinLength(n).withMaxLength(n);
            };
        }
        if (!matches(text, x + " = upper\\(" + x + "\\)|upper\\(" + x + "\\) = " + x).isEmpty()) {
            hints = hints.withLetters(Hints.Letters.UPPER);
        }
        if (!matches(text, x + " <> ''").isEmpty()) {
            hints = hints.withMinLength(1);
        }
        return hints;
    }

    private static List<MatchResult> matches(String text, String regex) {
        return Pattern.compile(regex).matcher(text).results().toList();
    }

    private static List<String> literals(String list) {
        List<String> values = new ArrayList<>();
        Matcher matcher = LITERAL.matcher(list);
        while (matcher.find()) {
            values.add(matcher.group());
        }
        return values;
    }
}
