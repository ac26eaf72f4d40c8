package io.modelcompose.worker.component;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.expr.Values;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decodes HTTP response bodies: JSON parsed, {@code text/*} as a string, SSE as a list of events, no content as null.
 */
final class HttpBodies {
    static final int EXCERPT_CHARS = 300;
    private static final int NO_CONTENT = 204;

    private HttpBodies() {
    }

    /**
     * The parsed body. A body declared as JSON must parse; an undeclared one is parsed as JSON when it can be, else
     * kept as text.
     *
     * @throws ComposeException when a body declared as JSON is not valid JSON
     */
    static Object parse(int status, String contentType, Buffer body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (status == NO_CONTENT || body == null || body.length() == 0 && !type.startsWith("text/")) {
            return null;
        }
        String text = text(contentType, body);
        if (type.startsWith("text/event-stream")) {
            return sseEvents(text);
        }
        if (type.contains("json")) {
            return Values.parseJson(text);
        }
        if (type.startsWith("text/")) {
            return text;
        }
        return tryJson(text);
    }

    /** The body as text in the charset the content type names (UTF-8 when none or unknown). */
    static String text(String contentType, Buffer body) {
        return body == null ? "" : body.toString(charset(contentType));
    }

    private static Charset charset(String contentType) {
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String param = part.trim();
                if (param.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    try {
                        return Charset.forName(param.substring(8).replace("\"", "").trim());
                    } catch (IllegalArgumentException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** Splits an SSE stream into events; each event's {@code data:} lines are joined and parsed as JSON if possible. */
    static List<Object> sseEvents(String body) {
        List<Object> events = new ArrayList<>();
        for (String block : body.replace("\r\n", "\n").replace('\r', '\n').split("\n\n")) {
            StringBuilder data = new StringBuilder();
            boolean hasData = false;
            for (String line : block.split("\n")) {
                if (line.equals("data") || line.startsWith("data:")) {
                    if (hasData) {
                        data.append('\n');
                    }
                    hasData = true;
                    String value = line.length() > 5 ? line.substring(5) : "";
                    data.append(value.startsWith(" ") ? value.substring(1) : value);
                }
            }
            if (hasData && data.length() > 0) {
                events.add(tryJson(data.toString()));
            }
        }
        return events;
    }

    private static Object tryJson(String text) {
        try {
            return Values.parseJson(text);
        } catch (ComposeException e) {
            return text;
        }
    }

    static String excerpt(String body) {
        String oneLine = body.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() > EXCERPT_CHARS ? oneLine.substring(0, EXCERPT_CHARS) + "..." : oneLine;
    }
}
