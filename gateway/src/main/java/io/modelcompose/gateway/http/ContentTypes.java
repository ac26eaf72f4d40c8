package io.modelcompose.gateway.http;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.util.Locale;

/**
 * Checks the Content-Type of request bodies: JSON ({@code application/json} or {@code application/*+json}); plain text
 * only where a route says so.
 */
final class ContentTypes {
    private ContentTypes() {
    }

    /** {@code text/plain}, with or without parameters. */
    static boolean isPlainText(String header) {
        return header != null && header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals("text/plain");
    }

    static void requireJson(String header) {
        if (header == null || header.isBlank()) {
            throw new ComposeException(ErrorCode.BAD_REQUEST, "Missing or empty Content-Type header.");
        }
        String mediaType = header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        boolean json = mediaType.equals("application/json")
                || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
        if (!json) {
            throw new ComposeException(ErrorCode.BAD_REQUEST,
                    "Unsupported Content-Type: " + Replies.oneLine(header) + " (expected application/json, or text/plain with ?workflow_id=)");
        }
    }
}
