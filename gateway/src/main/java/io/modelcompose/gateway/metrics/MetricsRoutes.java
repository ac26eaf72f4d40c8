package io.modelcompose.gateway.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/**
 * {@code GET /metrics}: the registry in the Prometheus text format, under the base path and at the root (like
 * {@code /health}). The scrape is rendered on a worker thread, never on the event loop.
 */
public final class MetricsRoutes {
    /** The content type of the Prometheus text exposition format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    static final String PATH = "/metrics";

    private final PrometheusMeterRegistry registry;

    public MetricsRoutes(PrometheusMeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Adds the route at {@code /metrics} and, when {@code basePath} is not empty, at {@code basePath/metrics}. */
    public void mount(Router router, String basePath) {
        router.get(PATH).handler(this::scrape);
        if (basePath != null && !basePath.isEmpty()) {
            router.get(basePath + PATH).handler(this::scrape);
        }
    }

    private void scrape(RoutingContext rc) {
        rc.vertx().executeBlocking(() -> registry.scrape(), false).onComplete(ar -> {
            if (ar.succeeded()) {
                rc.response().putHeader("Content-Type", CONTENT_TYPE).end(ar.result());
            } else {
                rc.fail(ar.cause());
            }
        });
    }
}
