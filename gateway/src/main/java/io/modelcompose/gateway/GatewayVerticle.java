package io.modelcompose.gateway;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.modelcompose.gateway.http.ApiLimits;
import io.modelcompose.gateway.http.ApiRouter;
import io.modelcompose.gateway.http.ApiTokenAuth;
import io.modelcompose.gateway.http.InvalidRequests;
import io.modelcompose.gateway.http.ShutdownFlag;
import io.modelcompose.gateway.live.LiveSource;
import io.modelcompose.gateway.live.LiveView;
import io.modelcompose.gateway.metrics.MetricsRoutes;
import io.modelcompose.gateway.run.RunBackend;
import io.modelcompose.gateway.webui.WebUiServer;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.ControllerConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The gateway service: serves the HTTP API of §6 on the controller's host and port over a {@link RunBackend}. */
public final class GatewayVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayVerticle.class);

    private final ComposeConfig config;
    private final RunBackend backend;
    private final GatewayOptions options;
    private final PrometheusMeterRegistry metrics;
    private final ShutdownFlag shutdown = new ShutdownFlag();
    private volatile HttpServer server;
    private volatile HttpServer webUi;

    /** A gateway without {@code /metrics}. */
    public GatewayVerticle(ComposeConfig config, RunBackend backend, GatewayOptions options) {
        this(config, backend, options, null);
    }

    /** A gateway over its Kafka backend that also serves {@code metrics} at {@code GET /metrics} (none when null). */
    public GatewayVerticle(ComposeConfig config, KafkaBackend backend, GatewayOptions options,
            PrometheusMeterRegistry metrics) {
        this(config, backend.runs, options, metrics);
    }

    /** Serves {@code metrics} at {@code GET /metrics} of {@code router}, as the gateway does (for roles without one). */
    public static void mountMetrics(Router router, PrometheusMeterRegistry metrics) {
        new MetricsRoutes(metrics).mount(router, "");
    }

    /** A gateway that also serves {@code metrics} at {@code GET /metrics} (none when null). */
    public GatewayVerticle(ComposeConfig config, RunBackend backend, GatewayOptions options,
            PrometheusMeterRegistry metrics) {
        this.config = Objects.requireNonNull(config, "config");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.options = Objects.requireNonNull(options, "options");
        this.metrics = metrics;
    }

    @Override
    public Future<?> start() {
        ControllerConfig controller = config.controller();
        Router router = new ApiRouter(vertx, config, backend, limits(), shutdown).build();
        if (metrics != null) {
            new MetricsRoutes(metrics).mount(router, ApiRouter.basePathOf(config));
        }
        options.routerExtension().accept(router);
        String host = Objects.requireNonNullElse(controller.host(), ControllerConfig.DEFAULT_HOST);
        ApiTokenAuth.of(config).exposureWarning(host).ifPresent(LOG::warn);
        return vertx.createHttpServer()
                .requestHandler(router)
                .invalidRequestHandler(InvalidRequests::answer)
                .listen(controller.port(), host)
                .onSuccess(listening -> {
                    server = listening;
                    LOG.info("gateway listening on {}:{}{}", host, listening.actualPort(),
                            Objects.requireNonNullElse(controller.basePath(), ""));
                })
                .compose(listening -> controller.webui() == null ? Future.succeededFuture() : startWebUi());
    }

    /** Serves {@code controller.webui} on its own address, with the API routes again so the page calls its origin. */
    private Future<?> startWebUi() {
        Future<LiveView> live = backend instanceof LiveSource source ? source.startLive()
                : Future.succeededFuture(LiveView.none());
        return live.compose(view -> new WebUiServer(vertx, config, view, ApiRouter.basePathOf(config))
                .start(new ApiRouter(vertx, config, backend, limits(), shutdown).build()))
                .onSuccess(ui -> webUi = ui);
    }

    /** The port the web UI listens on, or -1 when there is none (or before start). */
    public int webUiPort() {
        HttpServer listening = webUi;
        return listening == null ? -1 : listening.actualPort();
    }

    private ApiLimits limits() {
        return new ApiLimits(options.bodyLimitBytes(), options.syncWaitTimeout(), options.readinessCheckTimeout());
    }

    /** The port the server listens on (useful when the configured port is 0); -1 before start. */
    public int actualPort() {
        HttpServer listening = server;
        return listening == null ? -1 : listening.actualPort();
    }

    /** Starts a graceful stop: {@code /health} answers 503 and new runs are refused with 503. */
    public void beginShutdown() {
        shutdown.begin();
        LOG.info("gateway is shutting down: refusing new runs");
    }
}
