package io.modelcompose.gateway.webui;

import io.modelcompose.gateway.http.ApiTokenAuth;
import io.modelcompose.gateway.live.LiveView;
import io.modelcompose.gateway.stream.StreamingWorkflows;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.WebUiConfig;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.event.RunSnapshot;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code controller.webui} on its own host and port: the built-in page (driver {@code gradio}, the default)
 * or the project's {@code static_dir} (driver {@code static}), next to the same HTTP API as the gateway's port (so the
 * page calls it on its own origin) and the UI's live routes: {@code /ui/config}, {@code /ui/events} (SSE),
 * {@code /ui/runs/{id}/timeline} and {@code /ui/cluster}.
 */
public final class WebUiServer {
    private static final Logger LOG = LoggerFactory.getLogger(WebUiServer.class);
    /** Scripts, styles and media only from the page itself (outputs shown as data: or blob: URLs). */
    private static final String CSP = "default-src 'self'; img-src 'self' data: blob:; media-src 'self' data: blob:; "
            + "script-src 'self'; style-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'";
    private final Vertx vertx;
    private final ComposeConfig config;
    private final WebUiConfig ui;
    private final LiveView live;
    private final String apiBase;

    public WebUiServer(Vertx vertx, ComposeConfig config, LiveView live, String apiBase) {
        this.vertx = vertx;
        this.config = config;
        this.ui = Objects.requireNonNull(config.controller().webui(), "controller.webui");
        this.live = live;
        this.apiBase = apiBase;
    }

    /**
     * Adds the UI's routes to {@code router}, which already holds the API routes behind the API token check, and
     * listens. The page itself (and {@code /ui/config}, which says whether a token is needed) comes before that check,
     * so that a browser can load it and then ask for the token; everything with run data comes after it.
     */
    public Future<HttpServer> start(Router router) {
        router.route().order(-3).handler(WebUiServer::securityHeaders);
        router.get("/ui/config").order(-2).handler(this::uiConfig);
        if (ui.servesStaticDir()) {
            Path dir = projectDir().resolve(ui.staticDir()).toAbsolutePath().normalize();
            router.get("/*").order(-1).handler(StaticHandler.create(FileSystemAccess.ROOT, dir.toString())
                    .setCachingEnabled(false).setIncludeHidden(false));
        } else {
            Assets assets = Assets.load();
            router.get("/*").order(-1).handler(rc -> serveAsset(rc, assets));
        }
        router.get("/ui/events").handler(new TaskStream(vertx, live)::handle);
        router.get("/ui/runs/:run_id/timeline").handler(this::timeline);
        router.get("/ui/cluster").handler(this::cluster);
        return vertx.createHttpServer().requestHandler(router).listen(ui.port(), ui.host())
                .recover(failure -> Future.failedFuture(new ComposeException(ErrorCode.UNAVAILABLE,
                        "the web UI cannot listen on " + ui.host() + ":" + ui.port() + " (controller.webui): "
                                + failure.getMessage())))
                .onSuccess(server -> LOG.info("web UI ({}) on http://{}:{}/", ui.driver(), ui.host(),
                        server.actualPort()));
    }

    private static void securityHeaders(RoutingContext rc) {
        rc.response().putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer");
        if (!rc.request().path().startsWith("/ui/events")) {
            rc.response().putHeader("Content-Security-Policy", CSP);
        }
        rc.next();
    }

    private void uiConfig(RoutingContext rc) {
        JsonObject body = new JsonObject().put("api_base", apiBase)
                .put("name", config.controller().name())
                .put("driver", ui.driver())
                .put("token_required", ApiTokenAuth.of(config).enabled())
                .put("streaming_workflows", streamingWorkflows());
        json(rc, body);
    }

    /** The public workflows whose output streams: the page shows their runs chunk by chunk. */
    private JsonArray streamingWorkflows() {
        StreamingWorkflows streaming = new StreamingWorkflows(config);
        JsonArray ids = new JsonArray();
        config.workflows().stream().filter(w -> !w.isPrivate() && streaming.streams(w.id()))
                .forEach(w -> ids.add(w.id()));
        return ids;
    }

    private void timeline(RoutingContext rc) {
        String runId = rc.pathParam("run_id");
        live.timeline(runId).ifPresentOrElse(t -> json(rc, UiJson.timeline(t)), () -> rc.fail(new ComposeException(
                ErrorCode.NOT_FOUND, "No job of task '" + runId + "' was seen by this gateway.")));
    }

    private void cluster(RoutingContext rc) {
        Map<String, Long> runs = live.recentRuns(500).stream().collect(Collectors.groupingBy(
                (RunSnapshot r) -> r.status().wireName(), Collectors.counting()));
        json(rc, UiJson.cluster(live.cluster(), config, runs));
    }

    private static void serveAsset(RoutingContext rc, Assets assets) {
        assets.find(rc.normalizedPath()).ifPresentOrElse(asset -> rc.response()
                .putHeader("Content-Type", asset.contentType())
                .putHeader("Cache-Control", "no-cache")
                .end(asset.body()), rc::next);
    }

    private static void json(RoutingContext rc, JsonObject body) {
        rc.response().putHeader("Content-Type", "application/json").end(body.toBuffer());
    }

    private Path projectDir() {
        return config.files().isEmpty() ? Path.of("").toAbsolutePath()
                : Path.of(config.files().get(0)).toAbsolutePath().getParent();
    }
}
