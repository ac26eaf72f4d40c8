package io.modelcompose.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.RunStatus;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes JSON answers, skipping callers that went away while their run was going on. */
final class Replies {
    private static final Logger LOG = LoggerFactory.getLogger(Replies.class);
    private static final int MAX_DETAIL_LENGTH = 1000;

    private Replies() {
    }

    /** Answers {@code value} as JSON with the given status. */
    static void json(RoutingContext rc, int status, Object value) {
        HttpServerResponse response = rc.response();
        if (response.closed() || response.ended()) {
            LOG.debug("caller of {} went away before the answer ({})", rc.normalizedPath(), status);
            return;
        }
        byte[] body;
        try {
            body = GatewayJson.write(value);
        } catch (JsonProcessingException e) {
            rc.fail(new ComposeException(ErrorCode.INTERNAL, "The answer could not be written as JSON.", e));
            return;
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Buffer.buffer(body));
    }

    /** Answers {@code {"detail": message}}. */
    static void detail(RoutingContext rc, int status, String message) {
        ObjectNode body = GatewayJson.object();
        body.put("detail", oneLine(message));
        json(rc, status, body);
    }

    /** Answers the run state: 200 once finished or waiting for a person, 202 while it is still going on. */
    static void state(RoutingContext rc, RunSnapshot run) {
        json(rc, run.status().endsWait() ? 200 : 202, GatewayJson.snapshot(run));
    }

    /**
     * Answers the output alone, with the original's rules: 202 + state while not finished, 409 + state when
     * cancelled, 500 {@code {detail}} when failed, else the output as JSON.
     */
    static void outputOnly(RoutingContext rc, RunSnapshot run) {
        RunStatus status = run.status();
        if (!status.isTerminal()) {
            json(rc, 202, GatewayJson.snapshot(run));
        } else if (status == RunStatus.CANCELLED) {
            json(rc, 409, GatewayJson.snapshot(run));
        } else if (status == RunStatus.FAILED) {
            detail(rc, 500, run.error() == null ? "The workflow failed." : run.error());
        } else {
            json(rc, 200, run.output() == null ? null : GatewayJson.toTree(run.output()));
        }
    }

    /** The first line of a message, trimmed and bounded: details and errors never carry traces. */
    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String line = message.strip().lines().findFirst().orElse("").strip();
        return line.length() <= MAX_DETAIL_LENGTH ? line : line.substring(0, MAX_DETAIL_LENGTH) + "...";
    }
}
