package io.modelcompose.shared.expr;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Media casts and formats. Values travel between services as JSON, so a media value is a data URL
 * ({@code data:audio/mp3;base64,...}): {@code ${x as audio/mp3;base64}} wraps base64 text, a data URL stays as it
 * is, bytes are encoded. {@code ;url} and {@code ;path} values stay references (expressions read no files and fetch
 * no URLs). For primitive types, {@code ;base64} and {@code ;data-uri} decode to UTF-8 text first.
 */
final class MediaCast {
    private static final Map<String, String> DEFAULT_SUBTYPES = Map.of("image", "png", "audio", "wav", "video",
            "mp4");

    private MediaCast() {
    }

    static Object convert(Cast cast, Object value, int position) {
        String mime = mime(cast);
        if (value instanceof byte[] bytes) {
            return dataUrl(mime, Base64.getEncoder().encodeToString(bytes));
        }
        if (!(value instanceof String text)) {
            throw cannot(cast, value, position);
        }
        String format = cast.format();
        if ("base64".equals(format)) {
            return dataUrl(mime, text.strip());
        }
        if ("data-uri".equals(format) || text.startsWith("data:")) {
            if (!text.startsWith("data:")) {
                throw new EvalFailure("cannot convert " + Values.describe(value) + " to " + cast.type()
                        + " (not a data URL)", position);
            }
            return text;
        }
        if ("url".equals(format) || "path".equals(format)) {
            return text;
        }
        throw cannot(cast, value, position);
    }

    /** The value a primitive cast converts: decoded first when the cast names a {@code ;base64} or data URL format. */
    static Object decodeFormat(Cast cast, Object value, int position) {
        String format = cast.format();
        if (format == null || !(value instanceof String text)) {
            return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value;
        }
        try {
            if (format.equals("base64")) {
                return new String(Base64.getMimeDecoder().decode(text.strip()), StandardCharsets.UTF_8);
            }
            if (format.equals("data-uri")) {
                int comma = text.indexOf(',');
                if (!text.startsWith("data:") || comma < 0) {
                    throw new EvalFailure("cannot read " + Values.describe(value) + " as a data URL", position);
                }
                String meta = text.substring(5, comma);
                String data = text.substring(comma + 1);
                return meta.endsWith(";base64")
                        ? new String(Base64.getMimeDecoder().decode(data), StandardCharsets.UTF_8)
                        : java.net.URLDecoder.decode(data, StandardCharsets.UTF_8);
            }
        } catch (IllegalArgumentException e) {
            throw new EvalFailure("cannot decode " + Values.describe(value) + " as " + format, position);
        }
        throw new EvalFailure("format '" + format + "' is not read by expressions for type '" + cast.type()
                + "' (expressions read no files and fetch no URLs)", position);
    }

    private static String mime(Cast cast) {
        if (cast.type().equals("file")) {
            return cast.subtype() == null ? "application/octet-stream" : cast.subtype();
        }
        String subtype = cast.subtype() == null ? DEFAULT_SUBTYPES.get(cast.type()) : cast.subtype();
        StringBuilder mime = new StringBuilder(cast.type()).append('/').append(subtype);
        if (cast.attrs() != null) {
            for (String pair : cast.attrs().split(",")) {
                if (!pair.isBlank()) {
                    mime.append(';').append(pair.strip());
                }
            }
        }
        return mime.toString();
    }

    private static String dataUrl(String mime, String base64) {
        return "data:" + mime + ";base64," + base64;
    }

    private static EvalFailure cannot(Cast cast, Object value, int position) {
        return new EvalFailure("cannot convert " + Values.describe(value) + " to " + cast.type() + " (give bytes, a "
                + "data URL, or base64 text with ';base64')", position);
    }
}
