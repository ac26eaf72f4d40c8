package io.modelcompose.worker.component;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.expr.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Decodes HTTP response bodies: JSON parsed, {@code text/*} as a string, SSE as a list of events. */
final class HttpBodies {
    static final int EXCERPT_CHARS = 300;

    private HttpBodies() {
    }

    static Object parse(String contentType, String body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/event-stream")) {
            return sseEvents(body);
        }
        if (type.contains("json")) {
            return body.isEmpty() ? null : Values.parseJson(body);
        }
        if (type.startsWith("text/") || body.isEmpty()) {
            return body;
        }
        return tryJson(body);
    }

    /** Splits an SSE stream into events; each event's {@code data:} lines are joined and parsed as JSON if possible. */
    static List<Object> sseEvents(String body) {
        List<Object> events = new ArrayList<>();
        for (String block : body.replace("\r\n", "\n").split("\n\n")) {
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
                }
            }
            if (data.length() > 0) {
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
