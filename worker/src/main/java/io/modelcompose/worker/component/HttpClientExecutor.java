package io.modelcompose.worker.component;

import io.modelcompose.shared.config.HttpClientAction;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.expr.Scope;
import io.modelcompose.shared.expr.Templates;
import io.modelcompose.shared.expr.Values;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The http-client component, on Vert.x's non-blocking WebClient. */
final class HttpClientExecutor implements ComponentExecutor, AutoCloseable {
    static final long DEFAULT_TIMEOUT_MS = 60_000;
    private final WebClient client;

    HttpClientExecutor(Vertx vertx) {
        this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true)
                .setUserAgent("compose-http-client"), new PoolOptions().setHttp1MaxSize(64));
    }

    @Override
    public Future<ComponentResult> execute(ExecutionRequest request, CancelSignal cancel) {
        HttpClientAction action = (HttpClientAction) request.action();
        Scope scope = scope(request);
        HttpCall call = HttpCall.prepare(action, request.input(), scope);
        HttpRequest<Buffer> http = client.requestAbs(call.method(), call.url());
        call.headers().forEach(http::putHeader);
        call.params().forEach(http::addQueryParam);
        if (!hasHeader(call.headers(), "Idempotency-Key")) {
            http.putHeader("Idempotency-Key", request.idempotencyKey());
        }
        long timeout = action.timeout() != null ? action.timeout().toMillis()
                : request.timeoutMillis() > 0 ? request.timeoutMillis() : DEFAULT_TIMEOUT_MS;
        http.timeout(timeout);
        long started = System.nanoTime();
        Future<HttpResponse<Buffer>> sent = call.body() == null ? http.send() : http.sendBuffer(call.body());
        return sent.map(response -> toResult(call, response, (System.nanoTime() - started) / 1_000_000))
                .recover(e -> Future.failedFuture(e instanceof ComposeException ce ? ce
                        : new ComposeException(ErrorCode.COMPONENT_FAILED, call.method() + " " + call.url()
                                + " failed: " + describe(e))));
    }

    private static Scope scope(ExecutionRequest request) {
        Map<String, Object> sources = new HashMap<>();
        sources.put("input", request.input());
        sources.put("context", request.context());
        sources.put("env", request.env());
        return Scope.of(sources);
    }

    private static ComponentResult toResult(HttpCall call, HttpResponse<Buffer> response, long elapsedMs) {
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.bodyAsString();
        if (status >= 400) {
            throw new ComposeException(ErrorCode.COMPONENT_FAILED, "HTTP " + status + " from " + call.method() + " "
                    + call.url() + ": " + HttpBodies.excerpt(body));
        }
        Object parsed = HttpBodies.parse(response.getHeader("Content-Type"), body);
        Map<String, Object> headers = new LinkedHashMap<>();
        MultiMap responseHeaders = response.headers();
        responseHeaders.names().forEach(n -> headers.put(n.toLowerCase(Locale.ROOT), responseHeaders.get(n)));
        Map<String, Object> sources = new HashMap<>();
        sources.put("response", parsed);
        sources.put("result", parsed);
        sources.put("status", status);
        sources.put("headers", headers);
        sources.put("response_time_ms", elapsedMs);
        return new ComponentResult(parsed, sources);
    }

    private static boolean hasHeader(Map<String, String> headers, String name) {
        return headers.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(name));
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
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
