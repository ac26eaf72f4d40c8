package io.modelcompose.gateway.http;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's one failure handler: maps {@link ComposeException} codes (and Vert.x Web's own failures, such as
 * the body limit) to a status and a {@code {"detail": "..."}} body. Stack traces go to the log, never to clients.
 */
public final class HttpErrors {
    private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);
    private static final String INTERNAL_DETAIL = "Internal server error.";

    private final long bodyLimitBytes;

    public HttpErrors(long bodyLimitBytes) {
        this.bodyLimitBytes = bodyLimitBytes;
    }

    /** The HTTP status for an error code. */
    public static int statusOf(ErrorCode code) {
        return switch (code) {
            case BAD_REQUEST, EXPRESSION, CONFIG_INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
            case PAYLOAD_TOO_LARGE -> 413;
            case QUEUE_FULL -> 429;
            case UNAVAILABLE -> 503;
            default -> 500;
        };
    }

    /** Failure handler (and error handler for unmatched routes): answers the mapped status and detail. */
    public void handle(RoutingContext rc) {
        Throwable failure = rc.failure();
        ApiError error = describe(failure, rc.statusCode());
        log(rc, error, failure);
        Replies.detail(rc, error.status(), error.detail());
    }

    private ApiError describe(Throwable failure, int statusCode) {
        if (failure instanceof ComposeException ce) {
            return new ApiError(statusOf(ce.code()), ce.getMessage());
        }
        if (failure instanceof HttpException http) {
            return fromStatus(http.getStatusCode(), http.getPayload());
        }
        if (failure == null && statusCode > 0) {
            return fromStatus(statusCode, null);
        }
        return new ApiError(500, INTERNAL_DETAIL);
    }

    private ApiError fromStatus(int status, String payload) {
        if (status == 413) {
            return new ApiError(413, "Request body exceeds the limit of " + bodyLimitBytes + " bytes.");
        }
        if (status >= 500) {
            return new ApiError(status, INTERNAL_DETAIL);
        }
        String detail = payload == null || payload.isBlank()
                ? HttpResponseStatus.valueOf(status).reasonPhrase() + "." : payload;
        return new ApiError(status, detail);
    }

    private static void log(RoutingContext rc, ApiError error, Throwable failure) {
        String method = rc.request().method().name();
        String path = rc.normalizedPath();
        if (error.status() == 500) {
            LOG.error("{} {} answered 500: {}", method, path, error.detail(), failure);
        } else if (error.status() > 500) {
            LOG.warn("{} {} answered {}: {}", method, path, error.status(), error.detail());
        } else if (error.status() == 404) {
            LOG.debug("{} {} answered 404: {}", method, path, error.detail());
        } else {
            LOG.warn("{} {} answered {}: {}", method, path, error.status(), error.detail());
        }
    }

    private record ApiError(int status, String detail) {
    }
}
