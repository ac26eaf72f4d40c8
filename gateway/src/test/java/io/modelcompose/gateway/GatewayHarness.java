package io.modelcompose.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.ControllerConfig;
import io.modelcompose.shared.config.WorkflowConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A gateway on a random loopback port over a {@link FakeRunBackend}, and a real HTTP client to call it. */
public final class GatewayHarness {
    public static final String BASE = "/api";
    private static final long WAIT_SECONDS = 10;

    public final FakeRunBackend backend;
    public final GatewayVerticle gateway;
    private final WebClient client;

    private GatewayHarness(FakeRunBackend backend, GatewayVerticle gateway, WebClient client) {
        this.backend = backend;
        this.gateway = gateway;
        this.client = client;
    }

    public static GatewayHarness start(Vertx vertx) {
        return start(vertx, new FakeRunBackend(vertx), GatewayOptions.defaults());
    }

    public static GatewayHarness start(Vertx vertx, FakeRunBackend backend, GatewayOptions options) {
        return start(vertx, backend, options, config(BASE, 0));
    }

    public static GatewayHarness start(Vertx vertx, FakeRunBackend backend, GatewayOptions options,
            ComposeConfig config) {
        GatewayVerticle gateway = new GatewayVerticle(config, backend, options);
        await(vertx.deployVerticle(gateway));
        WebClient client = WebClient.create(vertx, new WebClientOptions()
                .setDefaultHost("127.0.0.1").setDefaultPort(gateway.actualPort()));
        return new GatewayHarness(backend, gateway, client);
    }

    /** Workflows {@code echo} (default, titled), {@code broken}, {@code slow} and private {@code internal}, on 127.0.0.1. */
    public static ComposeConfig config(String basePath, int port) {
        ControllerConfig controller = new ControllerConfig(null, "http-server", "127.0.0.1", port, basePath, 0,
                false, null, null, Duration.ofSeconds(5), null);
        List<WorkflowConfig> workflows = List.of(
                new WorkflowConfig("echo", "Echo", null, true, List.of(), null, null),
                new WorkflowConfig("broken", null, null, false, List.of(), null, null),
                new WorkflowConfig("slow", null, null, false, List.of(), null, null),
                new WorkflowConfig("internal", "Internal", null, false, List.of(), null, null, null, true));
        return new ComposeConfig(controller, List.of(), workflows, List.of(), Map.of(), List.of());
    }

    /** The port the gateway listens on. */
    public int port() {
        return gateway.actualPort();
    }

    public HttpResponse<Buffer> postJson(String path, String body) {
        return postJson(path, body, Map.of());
    }

    public HttpResponse<Buffer> postJson(String path, String body, Map<String, String> headers) {
        return await(postJsonAsync(path, body, headers));
    }

    /** Sends without waiting for the answer (for callers that wait on a run). */
    public Future<HttpResponse<Buffer>> postJsonAsync(String path, String body, Map<String, String> headers) {
        HttpRequest<Buffer> request = client.post(path).putHeader("Content-Type", "application/json");
        headers.forEach(request::putHeader);
        return request.sendBuffer(Buffer.buffer(body));
    }

    public HttpResponse<Buffer> post(String path, String contentType, Buffer body) {
        HttpRequest<Buffer> request = client.post(path);
        if (contentType != null) {
            request.putHeader("Content-Type", contentType);
        }
        return await(request.sendBuffer(body));
    }

    public HttpResponse<Buffer> get(String path) {
        return await(client.get(path).send());
    }

    /** Starts a run of {@code slow} without waiting and answers its task id. */
    public String startSlowRun() {
        HttpResponse<Buffer> accepted = postJson(BASE + "/workflows/runs",
                "{\"workflow_id\":\"slow\",\"wait_for_completion\":false}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        return accepted.bodyAsJsonObject().getString("task_id");
    }

    /** Checks an error answer: the status, a JSON body that is exactly {@code {detail}}, one line, no trace. */
    public static String assertDetail(HttpResponse<Buffer> response, int status) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
        assertThat(response.getHeader("Content-Type")).startsWith("application/json");
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.fieldNames()).containsExactly("detail");
        String detail = body.getString("detail");
        assertThat(detail).isNotBlank().doesNotContain("\n", "\tat ", "Exception", ".java:");
        return detail;
    }

    public static <T> T await(Future<T> future) {
        try {
            return future.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within " + WAIT_SECONDS + " s", e);
        }
    }
}
