package dev.schemagate.report;

/**
 * Text from migrations, file names and server messages made safe to show: a terminal obeys the
 * escape sequences in what it prints (an OSC sequence in a comment could set the window title,
 * write the clipboard or hide lines), and Markdown and HTML viewers show invisible characters
 * that reorder what is read. Control characters other than line feed and tab, and Unicode's
 * direction overrides, are written as visible escapes such as {@code \x1b} and {@code \u202e};
 * a carriage return before a line feed is dropped.
 */
public final class PlainText {

    private PlainText() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean windowsLineEnd = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if (!windowsLineEnd && !unsafe(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (!windowsLineEnd) {
                out.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean unsafe(char c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }
}
