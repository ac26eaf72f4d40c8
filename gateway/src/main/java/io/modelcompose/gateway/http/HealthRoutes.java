package io.modelcompose.gateway.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcompose.gateway.run.RunBackend;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import java.util.function.Supplier;

/**
 * Liveness {@code GET /health} (200 ok, 503 while shutting down) and readiness {@code GET /readiness} (Vert.x
 * Health Checks over the backend's checks plus the gateway's own), both under the base path and at the root.
 */
final class HealthRoutes {
    static final String GATEWAY_CHECK = "gateway";
    /** Extra time the health-check library grants a procedure beyond our own timeout, so ours always fires first. */
    private static final long LIBRARY_TIMEOUT_MARGIN_MS = 1000;

    private final Vertx vertx;
    private final RunBackend backend;
    private final BackendCalls calls;
    private final ShutdownFlag shutdown;
    private final long checkTimeoutMs;

    HealthRoutes(Vertx vertx, RunBackend backend, BackendCalls calls, ShutdownFlag shutdown, long checkTimeoutMs) {
        this.vertx = vertx;
        this.backend = backend;
        this.calls = calls;
        this.shutdown = shutdown;
        this.checkTimeoutMs = checkTimeoutMs;
    }

    void mount(Router router, String basePath) {
        HealthCheckHandler readiness = readinessHandler();
        router.get("/health").handler(this::health);
        router.get("/readiness").handler(readiness);
        if (!basePath.isEmpty()) {
            router.get(basePath + "/health").handler(this::health);
            router.get(basePath + "/readiness").handler(readiness);
        }
    }

    private void health(RoutingContext rc) {
        ObjectNode body = GatewayJson.object();
        boolean stopping = shutdown.isShuttingDown();
        body.put("status", stopping ? "shutting_down" : "ok");
        Replies.json(rc, stopping ? 503 : 200, body);
    }

    private HealthCheckHandler readinessHandler() {
        HealthCheckHandler handler = HealthCheckHandler.create(vertx);
        handler.register(GATEWAY_CHECK, promise -> promise.complete(shutdown.isShuttingDown()
                ? Status.KO(detail("shutting down")) : Status.OK()));
        long libraryTimeout = checkTimeoutMs + LIBRARY_TIMEOUT_MARGIN_MS;
        backend.readinessChecks().forEach((name, check) ->
                handler.register(name, libraryTimeout, promise -> runCheck(check, promise)));
        return handler;
    }

    private void runCheck(Supplier<Future<JsonObject>> check, Promise<Status> promise) {
        long timer = vertx.setTimer(checkTimeoutMs,
                fired -> promise.tryComplete(Status.KO(detail("no answer within " + checkTimeoutMs + " ms"))));
        calls.check(check).onComplete(result -> {
            vertx.cancelTimer(timer);
            if (result.failed()) {
                promise.tryComplete(Status.KO(detail(Replies.oneLine(String.valueOf(result.cause().getMessage())))));
            } else {
                promise.tryComplete(result.result() == null ? Status.OK() : Status.OK(result.result()));
            }
        });
    }

    private static JsonObject detail(String message) {
        return new JsonObject().put("detail", message);
    }
}
