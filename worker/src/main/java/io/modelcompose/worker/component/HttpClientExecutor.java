package io.modelcompose.worker.component;

import io.modelcompose.shared.config.HttpClientAction;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.expr.Scope;
import io.modelcompose.shared.expr.Templates;
import io.modelcompose.shared.expr.Values;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The http-client component, on Vert.x's non-blocking HTTP client. Every request carries
 * {@code Idempotency-Key: <run id>/<job key>} (the same on every attempt) unless the action sets one itself.
 */
final class HttpClientExecutor implements ComponentExecutor, AutoCloseable {
    static final long DEFAULT_TIMEOUT_MS = 60_000;
    static final String USER_AGENT = "compose-http-client";
    private final Vertx vertx;
    private final HttpClientAgent client;

    HttpClientExecutor(Vertx vertx) {
        this.vertx = vertx;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(64));
    }

    @Override
    public Future<ComponentResult> execute(ExecutionRequest request, CancelSignal cancel) {
        HttpClientAction action = (HttpClientAction) request.action();
        HttpCall call = HttpCall.prepare(action, request.input(), scope(request));
        call.headers().putIfAbsent("Idempotency-Key", request.idempotencyKey());
        call.headers().putIfAbsent("User-Agent", USER_AGENT);
        long timeout = action.timeout() != null ? Math.max(1, action.timeout().toMillis())
                : request.timeoutMillis() > 0 ? request.timeoutMillis() : DEFAULT_TIMEOUT_MS;
        return new HttpExchange(vertx, call).start(client, timeout, cancel).map(reply -> toResult(call, reply));
    }

    private static Scope scope(ExecutionRequest request) {
        Map<String, Object> sources = new HashMap<>();
        sources.put("input", request.input());
        sources.put("context", request.context());
        sources.put("env", request.env());
        return Scope.of(sources);
    }

    private static ComponentResult toResult(HttpCall call, HttpExchange.Reply reply) {
        String contentType = reply.headers().get("Content-Type");
        if (reply.status() >= 400) {
            throw new ComposeException(ErrorCode.COMPONENT_FAILED, "HTTP " + reply.status() + " from "
                    + call.describe() + ": " + HttpBodies.excerpt(HttpBodies.text(contentType, reply.body())));
        }
        Object parsed;
        try {
            parsed = HttpBodies.parse(reply.status(), contentType, reply.body());
        } catch (ComposeException e) {
            throw new ComposeException(ErrorCode.COMPONENT_FAILED, call.describe() + " answered '" + contentType
                    + "' but the body is not valid: " + HttpBodies.excerpt(HttpBodies.text(contentType, reply.body())));
        }
        Map<String, Object> headers = new LinkedHashMap<>();
        reply.headers().names().forEach(n -> headers.put(n.toLowerCase(Locale.ROOT), reply.headers().get(n)));
        Map<String, Object> sources = new HashMap<>();
        sources.put("response", parsed);
        sources.put("result", parsed);
        sources.put("status", reply.status());
        sources.put("headers", headers);
        sources.put("response_time_ms", reply.elapsedMs());
        return new ComponentResult(parsed, sources);
    }

    @Override
    public void close() {
        client.close();
    }

    static HttpMethod method(Object rendered) {
        String name = rendered == null ? "POST" : Values.toText(rendered).trim().toUpperCase(Locale.ROOT);
        return HttpMethod.valueOf(name);
    }

    static Object render(Object template, Scope scope) {
        return template == null ? null : Templates.render(template, scope);
    }
}
