package io.modelcompose.gateway.http;

import io.modelcompose.gateway.run.RunBackend;
import io.modelcompose.gateway.stream.ChunkBook;
import io.modelcompose.gateway.stream.ChunkSource;
import io.modelcompose.gateway.stream.StreamingWorkflows;
import io.modelcompose.shared.config.ComposeConfig;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/** Builds the gateway's router: every route of SPEC §6 under the base path, plus one error mapping. */
public final class ApiRouter {
    private final Vertx vertx;
    private final ComposeConfig config;
    private final RunBackend backend;
    private final ApiLimits options;
    private final ShutdownFlag shutdown;

    public ApiRouter(Vertx vertx, ComposeConfig config, RunBackend backend, ApiLimits options,
            ShutdownFlag shutdown) {
        this.vertx = vertx;
        this.config = config;
        this.backend = backend;
        this.options = options;
        this.shutdown = shutdown;
    }

    public Router build() {
        Router router = Router.router(vertx);
        String basePath = basePathOf(config);
        BackendCalls calls = new BackendCalls(backend);
        router.route().handler(ApiTokenAuth.of(config));
        new HealthRoutes(vertx, backend, calls, shutdown, options.readinessCheckTimeout().toMillis())
                .mount(router, basePath);
        RunStreams streams = new RunStreams(calls, chunksOf(backend), new StreamingWorkflows(config));
        streams.mount(router, basePath);
        new RunRoutes(config, calls, options, shutdown, streams).mount(router, basePath);
        new TaskRoutes(calls, streams, options.bodyLimitBytes()).mount(router, basePath);
        new WorkflowRoutes(config).mount(router, basePath);

        HttpErrors errors = new HttpErrors(options.bodyLimitBytes());
        router.route().failureHandler(errors::handle);
        router.errorHandler(404, errors::handle);
        router.errorHandler(405, errors::handle);
        return router;
    }

    private static ChunkBook chunksOf(RunBackend backend) {
        return backend instanceof ChunkSource source ? source.chunks() : ChunkBook.empty();
    }

    /** The configured base path as "" or "/prefix" (no trailing slash). */
    public static String basePathOf(ComposeConfig config) {
        String configured = config.controller() == null ? null : config.controller().basePath();
        if (configured == null || configured.isBlank() || configured.equals("/")) {
            return "";
        }
        String trimmed = configured.strip();
        String withSlash = trimmed.startsWith("/") ? trimmed : "/" + trimmed;
        return withSlash.endsWith("/") ? withSlash.substring(0, withSlash.length() - 1) : withSlash;
    }
}
