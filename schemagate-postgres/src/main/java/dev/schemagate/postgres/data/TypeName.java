package dev.schemagate.postgres.data;

import dev.schemagate.model.QualifiedName;

import java.util.ArrayList;
import java.util.List;

/**
 * A column type as {@code format_type} renders it with an empty search path, taken apart: built-in
 * types come unqualified ({@code character varying(40)}, {@code timestamp(3) with time zone}), every
 * other type schema-qualified ({@code public.mood}, {@code "My Schema"."Odd ""Type"""}).
 *
 * @param text      the type as rendered, usable in a cast
 * @param element   for an array, its element type, else null
 * @param user      for a type outside pg_catalog, its name, else null
 * @param base      for a built-in type, its name without modifiers ({@code character varying}), else null
 * @param modifiers the type modifiers of a built-in type ({@code [10, 2]} for {@code numeric(10,2)})
 */
record TypeName(String text, TypeName element, QualifiedName user, String base, List<Integer> modifiers) {

    static TypeName parse(String text) {
        if (text.endsWith("[]")) {
            return new TypeName(text, parse(text.substring(0, text.length() - 2)), null, null, List.of());
        }
        List<String> parts = qualifiedParts(text);
        if (parts.size() == 2) {
            return new TypeName(text, null, QualifiedName.of(parts.get(0), parts.get(1)), null, List.of());
        }
        int open = text.indexOf('(');
        if (open < 0 || text.startsWith("\"")) {
            return new TypeName(text, null, null, text, List.of());
        }
        int close = text.indexOf(')', open);
        List<Integer> modifiers = new ArrayList<>();
        for (String modifier : text.substring(open + 1, close).split(",")) {
            modifiers.add(Integer.parseInt(modifier.trim()));
        }
        String base = (text.substring(0, open) + text.substring(close + 1)).trim();
        return new TypeName(text, null, null, base, List.copyOf(modifiers));
    }

    boolean isArray() {
        return element != null;
    }

    /** The first type modifier (a length or a precision), or {@code otherwise}. */
    int modifier(int index, int otherwise) {
        return modifiers.size() > index ? modifiers.get(index) : otherwise;
    }

    /** The dot-separated parts of a name outside double quotes, unquoted; one part for a built-in type. */
    private static List<String> qualifiedParts(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '.' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }
}
