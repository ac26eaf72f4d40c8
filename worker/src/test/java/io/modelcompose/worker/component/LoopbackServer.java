package io.modelcompose.worker.component;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A real HTTP server on 127.0.0.1 (ephemeral port) that records every request it receives. */
final class LoopbackServer implements AutoCloseable {
    /**
     * One received request.
     *
     * @param method HTTP method
     * @param path request path
     * @param query raw query string, or null
     * @param headers request headers
     * @param body request body as text ("" when none)
     */
    record Seen(String method, String path, String query, MultiMap headers, String body) {
    }

    private final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
    private final HttpServer server;

    private LoopbackServer(Vertx vertx, Consumer<Router> routes) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create()).handler(this::record);
        routes.accept(router);
        router.route().handler(ctx -> ctx.response().putHeader("Content-Type", "application/json").end("{}"));
        server = Jobs.await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    }

    /** Starts a server; {@code routes} adds handlers after the recording one (anything unmatched answers {}). */
    static LoopbackServer start(Vertx vertx, Consumer<Router> routes) {
        return new LoopbackServer(vertx, routes);
    }

    int port() {
        return server.actualPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** The next recorded request (waits up to a few seconds). */
    Seen next() {
        try {
            Seen request = seen.poll(10, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("the server received no request");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private void record(RoutingContext ctx) {
        String body = ctx.body().buffer() == null ? "" : ctx.body().asString();
        seen.add(new Seen(ctx.request().method().name(), ctx.request().path(), ctx.request().query(),
                MultiMap.caseInsensitiveMultiMap().addAll(ctx.request().headers()), body));
        ctx.next();
    }

    @Override
    public void close() {
        Jobs.await(server.close());
    }
}
