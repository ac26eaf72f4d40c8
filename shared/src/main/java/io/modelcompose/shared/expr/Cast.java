package io.modelcompose.shared.expr;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * One {@code as TYPE[[]][/SUBTYPE][[ATTRS]][;FORMAT]} of upstream's grammar. Primitive types convert as
 * {@link CastType} does; {@code markdown} is text; {@code select/a,b}, {@code slider/...} and {@code any} are UI
 * hints that keep the value; media types ({@code image}, {@code audio}, {@code video}, {@code file}) give data URLs
 * ({@link MediaCast}); {@code stream} gives the text of the value (outputs are collected, not streamed);
 * {@code TYPE[]} converts each element of a list.
 *
 * @param type the type name as written
 * @param list {@code TYPE[]}
 * @param subtype the text after {@code /}, or null
 * @param attrs the text inside {@code [...]} after the subtype, or null
 * @param format the text after {@code ;}, or null
 */
record Cast(String type, boolean list, String subtype, String attrs, String format) {
    static final List<String> HINTS = List.of("select", "slider", "any");
    static final List<String> MEDIA = List.of("image", "audio", "video", "file");
    static final String NAMES = CastType.NAMES + ", markdown, image, audio, video, file, stream, select, slider, any";

    static boolean isKnown(String type) {
        return CastType.byName(type) != null || type.equals("markdown") || type.equals("stream")
                || HINTS.contains(type) || MEDIA.contains(type);
    }

    /** Parses the type at the cursor (just after {@code as} and its spaces). */
    static Cast parse(Cursor in) {
        int at = in.pos;
        String name = in.readName();
        if (name.isEmpty()) {
            throw in.atEnd() ? in.unterminated() : in.fail("expected a type after 'as'", at);
        }
        String type = name.toLowerCase(Locale.ROOT);
        if (!isKnown(type)) {
            throw in.fail("unknown type '" + name + "' (known: " + NAMES + ")", at);
        }
        boolean list = in.peek() == '[' && in.charAt(in.pos + 1) == ']' && !in.atEnd();
        if (list) {
            in.pos += 2;
        }
        String subtype = null;
        String attrs = null;
        if (in.peek() == '/' && !in.atEnd()) {
            in.pos++;
            subtype = readUntil(in, " \t\n;[}");
            if (in.peek() == '[' && !in.atEnd()) {
                in.pos++;
                attrs = readUntil(in, "]");
                in.expect(']');
            }
        }
        String format = null;
        if (in.peek() == ';' && !in.atEnd()) {
            in.pos++;
            format = readUntil(in, " \t\n}");
        }
        return new Cast(type, list, subtype, attrs, format);
    }

    private static String readUntil(Cursor in, String stops) {
        int from = in.pos;
        while (!in.atEnd() && stops.indexOf(in.peek()) < 0) {
            in.pos++;
        }
        return in.text.substring(from, in.pos);
    }

    /** Converts a non-null value; failures are reported at {@code position}. */
    Object convert(Object value, int position) {
        if (list) {
            if (!(value instanceof Collection<?> items)) {
                throw new EvalFailure("'" + type + "[]' needs a list, got " + Values.describe(value), position);
            }
            Cast each = new Cast(type, false, subtype, attrs, format);
            return items.stream().map(item -> item == null ? null : each.convert(item, position)).toList();
        }
        if (HINTS.contains(type)) {
            return value;
        }
        if (MEDIA.contains(type)) {
            return MediaCast.convert(this, value, position);
        }
        Object decoded = MediaCast.decodeFormat(this, value, position);
        if (type.equals("markdown") || type.equals("stream")) {
            return "json".equals(subtype) ? Values.toText(decoded) : CastType.TEXT.convert(decoded, position);
        }
        if (type.equals("object") && subtype != null) {
            Object object = CastType.OBJECT.convert(decoded, position);
            return project((java.util.Map<?, ?>) object);
        }
        return CastType.byName(type).convert(decoded, position);
    }

    /** {@code object/a,b.c}: the named fields, each under the last segment of its path. */
    private java.util.Map<String, Object> project(java.util.Map<?, ?> object) {
        java.util.Map<String, Object> projected = new java.util.LinkedHashMap<>();
        for (String path : subtype.split(",")) {
            List<String> segments = Arrays.asList(path.trim().split("\\."));
            Object current = object;
            for (String segment : segments) {
                current = current instanceof java.util.Map<?, ?> map ? map.get(segment) : null;
            }
            projected.put(segments.get(segments.size() - 1), current);
        }
        return projected;
    }
}
