package io.modelcompose.gateway.http;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.util.Locale;

/** Checks the Content-Type of request bodies: JSON only ({@code application/json} or {@code application/*+json}). */
final class ContentTypes {
    private ContentTypes() {
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
                    "Unsupported Content-Type: " + Replies.oneLine(header) + " (expected application/json)");
        }
    }
}
