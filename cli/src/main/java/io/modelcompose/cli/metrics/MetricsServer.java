package io.modelcompose.cli.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.modelcompose.gateway.metrics.MetricsRoutes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/**
 * The metrics port of a role run alone ({@code serve ROLE --metrics-port N}): {@code GET /metrics} (Prometheus text)
 * and {@code GET /health} ({@code {"status":"ok"}}); anything else is 404.
 */
public final class MetricsServer {
    private MetricsServer() {
    }

    /** Listens on {@code host:port}; the future fails if the port cannot be bound. */
    public static Future<HttpServer> start(Vertx vertx, PrometheusMeterRegistry registry, String host, int port) {
        Router router = Router.router(vertx);
        new MetricsRoutes(registry).mount(router, "");
        router.get("/health").handler(rc -> rc.response().putHeader("Content-Type", "application/json")
                .end("{\"status\":\"ok\"}"));
        return vertx.createHttpServer().requestHandler(router).listen(port, host);
    }
}
