package io.modelcompose.cli.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.modelcompose.gateway.GatewayVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics port of a role run alone ({@code serve ROLE --metrics-port N}): {@code GET /metrics} (Prometheus text)
 * and {@code GET /health} ({@code {"status":"ok"}}); anything else is 404.
 */
public final class MetricsServer {
    private static final Logger LOG = LoggerFactory.getLogger("compose");

    private MetricsServer() {
    }

    /**
     * Serves the metrics port when {@code port} is positive and metrics are on (blocking until it listens); says so
     * when metrics are off.
     */
    public static void serveIfAsked(Vertx vertx, Telemetry telemetry, String host, int port) throws Exception {
        if (port <= 0) {
            return;
        }
        if (!telemetry.enabled()) {
            LOG.warn("metrics are off ({}): not serving port {}", Telemetry.SWITCH_ENV, port);
            return;
        }
        start(vertx, telemetry.prometheus(), host, port).toCompletionStage().toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        LOG.info("metrics at http://{}:{}/metrics", "0.0.0.0".equals(host) ? "127.0.0.1" : host, port);
    }

    /** Listens on {@code host:port}; the future fails if the port cannot be bound. */
    public static Future<HttpServer> start(Vertx vertx, PrometheusMeterRegistry registry, String host, int port) {
        Router router = Router.router(vertx);
        GatewayVerticle.mountMetrics(router, registry);
        router.get("/health").handler(rc -> rc.response().putHeader("Content-Type", "application/json")
                .end("{\"status\":\"ok\"}"));
        return vertx.createHttpServer().requestHandler(router).listen(port, host);
    }
}
