package io.modelcompose.worker.component;

import static io.modelcompose.worker.component.Jobs.await;
import static io.modelcompose.worker.component.Jobs.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.modelcompose.shared.config.HttpClientAction;
import io.modelcompose.shared.expr.Values;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** How an http-client action becomes a request: URL, method, headers, query and body, seen by a real server. */
@ExtendWith(VertxExtension.class)
class HttpClientRequestTest {
    private ComponentRunner runner;
    private LoopbackServer server;

    @BeforeEach
    void start(Vertx vertx) {
        runner = new ComponentRunner(vertx, 2);
        server = LoopbackServer.start(vertx, router -> { });
    }

    @AfterEach
    void stop() {
        server.close();
        runner.close();
    }

    private HttpClientAction action(Object method, Object headers, Object params, Object body) {
        return new HttpClientAction("__action__", false, null, server.url(""), "/echo", null, method, headers, params,
                body, null);
    }

    private LoopbackServer.Seen send(HttpClientAction action, Object input) {
        await(runner.execute(request(action, input), new CancelSignal()));
        return server.next();
    }

    @Test
    void postsTheRenderedBodyTemplateAsJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "${input.name}");
        body.put("tags", "${input.tags}");
        body.put("n", 3);

        LoopbackServer.Seen seen = send(action(null, null, null, body),
                Map.of("name", "Ada", "tags", List.of("a", "b")));

        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.path()).isEqualTo("/echo");
        assertThat(seen.headers().get("Content-Type")).startsWith("application/json");
        assertThat(Values.parseJson(seen.body())).isEqualTo(Map.of("name", "Ada", "tags", List.of("a", "b"),
                "n", 3));
    }

    @Test
    void sendsTheJobInputAsBodyWithoutABodyTemplate() {
        LoopbackServer.Seen seen = send(action(null, null, null, null), Map.of("prompt", "hi", "max", 5));

        assertThat(Values.parseJson(seen.body())).isEqualTo(Map.of("prompt", "hi", "max", 5));
    }

    @Test
    void takesBodyHeadersAndParamsFromAnInputWithABodyKey() {
        Map<String, Object> input = Map.of("body", Map.of("q", "x"), "headers", Map.of("X-Trace", "t-1"),
                "params", Map.of("page", 2));

        LoopbackServer.Seen seen = send(action(null, Map.of("X-Static", "s"), Map.of("lang", "en"), null), input);

        assertThat(Values.parseJson(seen.body())).isEqualTo(Map.of("q", "x"));
        assertThat(seen.headers().get("X-Trace")).isEqualTo("t-1");
        assertThat(seen.headers().get("X-Static")).isEqualTo("s");
        assertThat(seen.query()).contains("page=2").contains("lang=en");
    }

    @Test
    void sendsTextWhenContentTypeIsTextPlain() {
        HttpClientAction action = action("PUT", Map.of("Content-Type", "text/plain"), null, "hello ${input.name}");

        LoopbackServer.Seen seen = send(action, Map.of("name", "Ada"));

        assertThat(seen.method()).isEqualTo("PUT");
        assertThat(seen.headers().get("Content-Type")).startsWith("text/plain");
        assertThat(seen.body()).isEqualTo("hello Ada");
    }

    @Test
    void getSendsNoBodyEvenWithAnInput() {
        LoopbackServer.Seen seen = send(action("${input.verb}", null, null, null), Map.of("verb", "get", "a", 1));

        assertThat(seen.method()).isEqualTo("GET");
        assertThat(seen.body()).isEmpty();
        assertThat(seen.headers().get("Content-Type")).isNull();
    }

    @Test
    void turnsParamsIntoTheQueryStringDroppingNulls() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("q", "a b&c=d");
        params.put("page", "${input.page}");
        params.put("missing", "${input.none}");
        params.put("literal-null", null);

        LoopbackServer.Seen seen = send(action("GET", null, params, null), Map.of("page", 2));

        assertThat(query(seen)).containsExactly(entry("q", List.of("a b&c=d")), entry("page", List.of("2")));
    }

    @Test
    void joinsBaseUrlAndPathKeepingTheBasePath() {
        HttpClientAction noSlashes = new HttpClientAction("__action__", false, null, server.url("/v1"), "/chat",
                null, null, null, null, null, null);
        HttpClientAction trailingSlash = new HttpClientAction("__action__", false, null, server.url("/v1/"),
                "chat/${input.id}", null, null, null, null, null, null);

        assertThat(send(noSlashes, Map.of()).path()).isEqualTo("/v1/chat");
        assertThat(send(trailingSlash, Map.of("id", 7)).path()).isEqualTo("/v1/chat/7");
    }

    @Test
    void callsAnAbsoluteEndpointKeepingItsQuery() {
        HttpClientAction action = new HttpClientAction("__action__", false, null, null, null,
                server.url("/direct/${input.id}?fixed=1"), "GET", null, Map.of("extra", "2"), null, null);

        LoopbackServer.Seen seen = send(action, Map.of("id", "abc"));

        assertThat(seen.path()).isEqualTo("/direct/abc");
        assertThat(query(seen)).containsEntry("fixed", List.of("1")).containsEntry("extra", List.of("2"));
    }

    @Test
    void rendersHeaderTemplates() {
        Map<String, Object> headers = Map.of("Authorization", "Bearer ${env.TOKEN}", "X-Job", "${context.job_id}",
                "X-Count", "${input.n}");

        LoopbackServer.Seen seen = send(action(null, headers, null, Map.of()), Map.of("n", 3));

        assertThat(seen.headers().get("Authorization")).isEqualTo("Bearer secret-token");
        assertThat(seen.headers().get("X-Job")).isEqualTo(Jobs.JOB_KEY);
        assertThat(seen.headers().get("X-Count")).isEqualTo("3");
    }

    @Test
    void sendsTheSameIdempotencyKeyOnEveryAttempt() {
        HttpClientAction action = action(null, null, null, Map.of());

        await(runner.execute(request(action, null, 1, 0, null), new CancelSignal()));
        await(runner.execute(request(action, null, 2, 0, null), new CancelSignal()));

        String expected = Jobs.RUN_ID + "/" + Jobs.JOB_KEY;
        assertThat(server.next().headers().get("Idempotency-Key")).isEqualTo(expected);
        assertThat(server.next().headers().get("Idempotency-Key")).isEqualTo(expected);
    }

    @Test
    void keepsAnIdempotencyKeyTheActionSetsItself() {
        LoopbackServer.Seen seen = send(action(null, Map.of("idempotency-key", "mine-${input.n}"), null, Map.of()),
                Map.of("n", 1));

        assertThat(seen.headers().getAll("Idempotency-Key")).containsExactly("mine-1");
    }

    @Test
    void inputHeadersOverrideActionHeadersWhateverTheirCase() {
        Map<String, Object> input = Map.of("body", "plain words", "headers", Map.of("content-type", "text/plain"));

        LoopbackServer.Seen seen = send(action(null, Map.of("Content-Type", "application/json"), null, null), input);

        assertThat(seen.headers().getAll("Content-Type")).containsExactly("text/plain");
        assertThat(seen.body()).isEqualTo("plain words");
    }

    @Test
    void encodesAMapBodyAsAFormWhenAskedTo() {
        HttpClientAction action = action(null, Map.of("Content-Type", "application/x-www-form-urlencoded"), null,
                Map.of("q", "a b&c", "n", "${input.n}"));

        LoopbackServer.Seen seen = send(action, Map.of("n", 2));

        assertThat(new QueryStringDecoder("?" + seen.body()).parameters())
                .containsOnly(entry("q", List.of("a b&c")), entry("n", List.of("2")));
    }

    private static Map<String, List<String>> query(LoopbackServer.Seen seen) {
        return new QueryStringDecoder("?" + seen.query()).parameters();
    }
}
