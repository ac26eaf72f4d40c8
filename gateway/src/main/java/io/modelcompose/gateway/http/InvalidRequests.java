package io.modelcompose.gateway.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers requests the HTTP codec could not decode (a request line or headers over the limits, a malformed request
 * line) with the same {@code {"detail": "..."}} body as every other error, then closes the connection. Install with
 * {@code server.invalidRequestHandler(InvalidRequests::answer)}.
 */
public final class InvalidRequests {
    private static final Logger LOG = LoggerFactory.getLogger(InvalidRequests.class);

    private InvalidRequests() {
    }

    public static void answer(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        int status;
        String detail;
        if (cause instanceof TooLongHttpLineException) {
            status = 414;
            detail = "The request line is too long.";
        } else if (cause instanceof TooLongHttpHeaderException) {
            status = 431;
            detail = "The request headers are too large.";
        } else {
            status = 400;
            detail = "Malformed HTTP request.";
        }
        LOG.debug("undecodable request answered {}: {}", status, cause == null ? "" : cause.getMessage());
        HttpServerResponse response = request.response();
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(new JsonObject().put("detail", detail).toBuffer())
                .onComplete(done -> request.connection().close());
    }
}
