package io.modelcompose.worker.component;

import static io.modelcompose.worker.component.Jobs.asMap;
import static io.modelcompose.worker.component.Jobs.await;
import static io.modelcompose.worker.component.Jobs.failure;
import static io.modelcompose.worker.component.Jobs.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.config.HttpClientAction;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** How responses become job results: decoding, the output template's sources, and failures. */
@ExtendWith(VertxExtension.class)
class HttpClientResponseTest {
    private static final String SSE = "event: delta\ndata: {\"n\":1}\n\n"
            + ": a comment\n\n"
            + "data: first line\r\ndata: second line\r\n\r\n"
            + "data: [DONE]\n\n";
    private static final String LONG_ERROR = "e".repeat(10_000);

    private Vertx vertx;
    private final AtomicBoolean trickleCompleted = new AtomicBoolean();
    private ComponentRunner runner;
    private LoopbackServer server;

    @BeforeEach
    void start(Vertx vertx) {
        this.vertx = vertx;
        runner = new ComponentRunner(vertx, 2);
        server = LoopbackServer.start(vertx, this::routes);
    }

    @AfterEach
    void stop() {
        server.close();
        runner.close();
    }

    private void routes(Router router) {
        router.route("/json").handler(ctx -> ctx.response().setStatusCode(201)
                .putHeader("Content-Type", "application/json; charset=utf-8").putHeader("X-Request-Id", "r-9")
                .end("{\"ok\":true,\"items\":[1,2]}"));
        router.route("/slow-json").handler(ctx -> vertx.setTimer(150, id -> ctx.response()
                .putHeader("Content-Type", "application/json").end("{\"ok\":true}")));
        router.route("/text").handler(ctx -> ctx.response().putHeader("Content-Type", "text/plain").end("hello\n"));
        router.route("/sse").handler(ctx -> ctx.response().putHeader("Content-Type", "text/event-stream").end(SSE));
        router.route("/empty").handler(ctx -> ctx.response().setStatusCode(204).end());
        router.route("/broken-json").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
                .end("{not json"));
        router.route("/fail").handler(ctx -> ctx.response().setStatusCode(503).putHeader("Content-Type", "text/plain")
                .end("overloaded: " + LONG_ERROR));
        router.route("/never").handler(ctx -> { });
        router.route("/trickle").handler(ctx -> {
            ctx.response().setChunked(true).putHeader("Content-Type", "text/plain");
            AtomicInteger writes = new AtomicInteger();
            vertx.setPeriodic(100, id -> {
                if (ctx.response().closed() || ctx.response().ended()) {
                    vertx.cancelTimer(id);
                } else if (writes.incrementAndGet() > 100) {
                    trickleCompleted.set(true);
                    ctx.response().end();
                } else {
                    ctx.response().write(".");
                }
            });
        });
    }

    private HttpClientAction get(String path, Object output, Duration timeout) {
        return new HttpClientAction("__action__", false, output, server.url(""), path, null, "GET", null, null, null,
                timeout);
    }

    private Object output(String path) {
        return await(runner.execute(request(get(path, null, null), null), new CancelSignal())).output();
    }

    @Test
    void parsesJsonResponses() {
        assertThat(output("/json")).isEqualTo(Map.of("ok", true, "items", List.of(1, 2)));
    }

    @Test
    void keepsTextResponsesAsStrings() {
        assertThat(output("/text")).isEqualTo("hello\n");
    }

    @Test
    void splitsServerSentEventsIntoAListOfPayloads() {
        assertThat(output("/sse")).isEqualTo(List.of(Map.of("n", 1), "first line\nsecond line", "[DONE]"));
    }

    @Test
    void givesNullForAnEmptyResponse() {
        assertThat(output("/empty")).isNull();
    }

    @Test
    void exposesStatusHeadersTimeAndResponseToTheOutputTemplate() {
        Map<String, Object> template = Map.of("status", "${status}", "id", "${headers.x-request-id}",
                "took", "${response_time_ms}", "data", "${response.items}", "whole", "${response}");

        ComponentResult result = await(runner.execute(request(get("/json", template, null), null),
                new CancelSignal()));

        Map<String, Object> shaped = asMap(result.output());
        assertThat(shaped).containsEntry("status", 201).containsEntry("id", "r-9")
                .containsEntry("data", List.of(1, 2)).containsEntry("whole", Map.of("ok", true, "items", List.of(1, 2)));
        assertThat(shaped.get("took")).isInstanceOf(Number.class);
        assertThat(result.sources()).containsEntry("status", 201).containsKeys("response", "headers");
    }

    @Test
    void measuresTheResponseTime() {
        ComponentResult result = await(runner.execute(request(get("/slow-json", "${response_time_ms}", null), null),
                new CancelSignal()));

        assertThat(((Number) result.output()).longValue()).isBetween(140L, 10_000L);
    }

    @Test
    void failsOnAnErrorStatusWithABoundedExcerptOfTheBody() {
        ComposeException error = failure(runner.execute(request(get("/fail", null, null), null), new CancelSignal()));

        assertThat(error.code()).isEqualTo(ErrorCode.COMPONENT_FAILED);
        assertThat(error.getMessage()).contains("503").contains("/fail").contains("overloaded: eee")
                .hasSizeLessThan(1_000);
    }

    @Test
    void failsWhenAJsonResponseIsNotJson() {
        ComposeException error = failure(runner.execute(request(get("/broken-json", null, null), null),
                new CancelSignal()));

        assertThat(error.code()).isEqualTo(ErrorCode.COMPONENT_FAILED);
        assertThat(error.getMessage()).contains("/broken-json").contains("{not json");
    }

    @Test
    void failsClearlyWhenTheConnectionIsRefused() {
        // A port bound and released synchronously: a Vert.x server may still accept for a moment after its close
        String url = "http://127.0.0.1:" + releasedPort() + "/gone";
        HttpClientAction action = new HttpClientAction("__action__", false, null, null, null, url, null, null, null,
                null, null);

        ComposeException error = failure(runner.execute(request(action, Map.of()), new CancelSignal()));

        assertThat(error.code()).isEqualTo(ErrorCode.COMPONENT_FAILED);
        assertThat(error.getMessage()).contains(url).containsIgnoringCase("refused");
    }

    @Test
    void failsWithATimeoutWhenTheServerNeverAnswers() {
        ComposeException error = failure(runner.execute(request(get("/never", null, Duration.ofMillis(300)), null),
                new CancelSignal()));

        assertThat(error.code()).isEqualTo(ErrorCode.TIMEOUT);
        assertThat(error.getMessage()).contains("/never").contains("300");
    }

    @Test
    void timeoutCoversTheWholeExchangeNotJustIdleTime() {
        ComposeException error = failure(runner.execute(request(get("/trickle", null, Duration.ofMillis(500)), null),
                new CancelSignal()));

        assertThat(error.code()).isEqualTo(ErrorCode.TIMEOUT);
        // bytes kept coming every 100 ms, so only a timeout over the whole exchange ends it before the body does
        assertThat(trickleCompleted).as("the server finished its body before the client gave up").isFalse();
    }

    @Test
    void rejectsAUrlThatIsNotAbsolute() {
        HttpClientAction action = new HttpClientAction("__action__", false, null, "${input.base}", "/chat", null,
                null, null, null, null, null);

        ComposeException error = failure(runner.execute(request(action, Map.of()), new CancelSignal()));

        assertThat(error.code()).isEqualTo(ErrorCode.COMPONENT_FAILED);
        assertThat(error.getMessage()).contains("'/chat'").contains("not absolute");
    }

    @Test
    void usesTheJobTimeoutWhenTheActionHasNone() {
        ComposeException error = failure(runner.execute(request(get("/never", null, null), null, 300, null),
                new CancelSignal()));

        assertThat(error.code()).isEqualTo(ErrorCode.TIMEOUT);
    }

    @Test
    void cancellationAbortsAPendingRequest() {
        CancelSignal cancel = new CancelSignal();
        var result = runner.execute(request(get("/never", null, null), null), cancel);
        server.next();

        cancel.cancel();

        assertThat(failure(result).code()).isEqualTo(ErrorCode.CANCELLED);
    }

    private static int releasedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
