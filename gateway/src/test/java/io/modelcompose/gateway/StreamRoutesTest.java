package io.modelcompose.gateway;

import static io.modelcompose.gateway.GatewayHarness.BASE;
import static io.modelcompose.gateway.GatewayHarness.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.JobConfig;
import io.modelcompose.shared.config.RetryConfig;
import io.modelcompose.shared.config.WorkflowConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Streamed output over real HTTP, with chunks injected through the in-memory backend: the stream answer of a
 * synchronous output-only run, attaching to a task, superseded attempts, the {@code streaming} status.
 */
@ExtendWith(VertxExtension.class)
class StreamRoutesTest {
    private static final String CHAT_RUN = "{\"workflow_id\":\"chat\",\"output_only\":true,\"input\":{\"q\":\"hi\"}}";
    private Vertx vertx;
    private GatewayHarness harness;

    @BeforeEach
    void startGateway(Vertx vertx) {
        this.vertx = vertx;
        harness = GatewayHarness.start(vertx, new FakeRunBackend(vertx), GatewayOptions.defaults(), config());
    }

    /** The harness workflows plus {@code chat}, whose one job renders each chunk of an SSE response. */
    static ComposeConfig config() {
        ComposeConfig base = GatewayHarness.config(BASE, 0);
        JobConfig answer = new JobConfig("answer", null, null, null, "${response[].choices[0].delta.content}",
                List.of(), RetryConfig.NONE, null, null);
        List<WorkflowConfig> workflows = new ArrayList<>(base.workflows());
        workflows.add(new WorkflowConfig("chat", null, null, false, List.of(answer), null, null));
        return new ComposeConfig(base.controller(), base.components(), workflows, base.loggers(), base.env(),
                base.files(), base.warnings());
    }

    @Test
    void syncOutputOnlyRunOfStreamingWorkflowAnswersEventStreamChunkByChunk() {
        SseReader sse = await(SseReader.open(vertx, harness.port(), HttpMethod.POST, BASE + "/workflows/runs",
                CHAT_RUN));
        String runId = sse.response().getHeader("X-Task-Id");
        assertThat(sse.response().getHeader("Content-Type")).startsWith("text/event-stream");
        assertThat(sse.response().statusCode()).isEqualTo(200);

        harness.backend.startProcessing(runId);
        harness.backend.emit(runId, "answer", 1, 0, "Hel");
        await().atMost(Duration.ofSeconds(10)).until(() -> sse.chunks().size() == 1);
        assertThat(sse.hasEnded()).isFalse();
        harness.backend.emit(runId, "answer", 1, 1, "lo\nworld");
        harness.backend.complete(runId, "Hello\nworld");

        await().atMost(Duration.ofSeconds(10)).until(sse::hasEnded);
        assertThat(sse.chunks()).containsExactly("\"Hel\"", "\"lo\\nworld\"");
        assertThat(sse.events().get(sse.events().size() - 1))
                .isEqualTo(new SseReader.Event("done", "\"Hello\\nworld\""));
    }

    @Test
    void attachingToRunningTaskReplaysChunksSoFarThenLiveThenOutcome() {
        String runId = startChat();
        harness.backend.emit(runId, "answer", 1, 0, "a");
        harness.backend.emit(runId, "answer", 1, 1, "b");

        SseReader sse = await(SseReader.open(vertx, harness.port(), HttpMethod.GET,
                BASE + "/tasks/" + runId + "/stream", null));
        await().atMost(Duration.ofSeconds(10)).until(() -> sse.chunks().size() == 2);
        harness.backend.emit(runId, "answer", 1, 2, "c");
        harness.backend.complete(runId, "abc");

        await().atMost(Duration.ofSeconds(10)).until(sse::hasEnded);
        assertThat(sse.chunks()).containsExactly("\"a\"", "\"b\"", "\"c\"");
        assertThat(names(sse)).containsExactly("message", "message", "message", "done");
    }

    @Test
    void attachingToFinishedTaskReplaysItsChunksAndEnds() {
        String runId = startChat();
        harness.backend.emit(runId, "answer", 1, 0, "x");
        harness.backend.emit(runId, "answer", 1, 1, "y");
        harness.backend.complete(runId, "xy");

        SseReader sse = await(SseReader.open(vertx, harness.port(), HttpMethod.GET,
                BASE + "/tasks/" + runId + "/stream", null));

        await().atMost(Duration.ofSeconds(10)).until(sse::hasEnded);
        assertThat(sse.chunks()).containsExactly("\"x\"", "\"y\"");
        assertThat(sse.events().get(2)).isEqualTo(new SseReader.Event("done", "\"xy\""));
    }

    @Test
    void chunksOfSupersededAttemptAreDroppedAndTheStreamSaysSo() {
        String runId = startChat();
        SseReader sse = await(SseReader.open(vertx, harness.port(), HttpMethod.GET,
                BASE + "/tasks/" + runId + "/stream", null));
        harness.backend.emit(runId, "answer", 1, 0, "old-0");
        harness.backend.emit(runId, "answer", 2, 0, "new-0");
        harness.backend.emit(runId, "answer", 1, 1, "old-1");
        harness.backend.emit(runId, "answer", 2, 1, "new-1");
        harness.backend.complete(runId, "new-0new-1");

        await().atMost(Duration.ofSeconds(10)).until(sse::hasEnded);
        assertThat(sse.events()).containsExactly(
                new SseReader.Event("message", "\"old-0\""),
                new SseReader.Event("retry", "{\"job_id\":\"answer\",\"attempt\":2}"),
                new SseReader.Event("message", "\"new-0\""),
                new SseReader.Event("message", "\"new-1\""),
                new SseReader.Event("done", "\"new-0new-1\""));
    }

    @Test
    void failedRunEndsTheStreamWithAnErrorEventWithoutTrace() {
        SseReader sse = await(SseReader.open(vertx, harness.port(), HttpMethod.POST, BASE + "/workflows/runs",
                CHAT_RUN));
        String runId = sse.response().getHeader("X-Task-Id");
        harness.backend.emit(runId, "answer", 1, 0, "partial");
        harness.backend.fail(runId, FakeRunBackend.BROKEN_ERROR);

        await().atMost(Duration.ofSeconds(10)).until(sse::hasEnded);
        SseReader.Event last = sse.events().get(sse.events().size() - 1);
        assertThat(last.name()).isEqualTo("error");
        JsonObject error = new JsonObject(last.data());
        assertThat(error.getString("status")).isEqualTo("failed");
        assertThat(error.getString("detail")).isEqualTo("component 'api' failed: HTTP 500");
    }

    @Test
    void callerThatGoesAwayLeavesTheRunGoingOn() {
        SseReader sse = await(SseReader.open(vertx, harness.port(), HttpMethod.POST, BASE + "/workflows/runs",
                CHAT_RUN));
        String runId = sse.response().getHeader("X-Task-Id");
        harness.backend.emit(runId, "answer", 1, 0, "a");
        await().atMost(Duration.ofSeconds(10)).until(() -> sse.chunks().size() == 1);

        sse.disconnect();
        harness.backend.emit(runId, "answer", 1, 1, "b");
        harness.backend.complete(runId, "ab");

        assertThat(harness.backend.wasCancelled(runId)).isFalse();
        HttpResponse<Buffer> state = harness.get(BASE + "/tasks/" + runId);
        assertThat(state.bodyAsJsonObject().getString("status")).isEqualTo("completed");
        assertThat(state.bodyAsJsonObject().getString("output")).isEqualTo("ab");
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.backend.chunks().runCount() == 0);
    }

    @Test
    void taskStatusIsStreamingWhileChunksFlow() {
        String runId = startChat();
        harness.backend.startProcessing(runId);
        assertThat(harness.get(BASE + "/tasks/" + runId).bodyAsJsonObject().getString("status"))
                .isEqualTo("processing");

        harness.backend.emit(runId, "answer", 1, 0, "a");

        assertThat(harness.get(BASE + "/tasks/" + runId).bodyAsJsonObject().getString("status"))
                .isEqualTo("streaming");
        HttpResponse<Buffer> outputOnly = harness.get(BASE + "/tasks/" + runId + "?output_only=true");
        assertThat(outputOnly.statusCode()).isEqualTo(202);
        assertThat(outputOnly.bodyAsJsonObject().getString("status")).isEqualTo("streaming");
        harness.backend.complete(runId, "a");
        assertThat(harness.get(BASE + "/tasks/" + runId).bodyAsJsonObject().getString("status"))
                .isEqualTo("completed");
    }

    @Test
    void nonStreamingWorkflowAnswersJsonAsBefore() {
        HttpResponse<Buffer> response = harness.postJson(BASE + "/workflows/runs",
                "{\"workflow_id\":\"echo\",\"output_only\":true,\"input\":\"x\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("echo", "x"));
    }

    @Test
    void streamingWorkflowWithoutOutputOnlyAnswersTheJoinedStateOnceFinished() {
        var answer = harness.postJsonAsync(BASE + "/workflows/runs", "{\"workflow_id\":\"chat\"}", Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> !harness.backend.submissions().isEmpty());
        String runId = harness.backend.submissions().get(0).runId();
        harness.backend.emit(runId, "answer", 1, 0, "a");
        harness.backend.complete(runId, "a");

        HttpResponse<Buffer> response = await(answer);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("completed");
        assertThat(response.bodyAsJsonObject().getString("output")).isEqualTo("a");
    }

    @Test
    void streamOfUnknownTaskIs404WithDetail() {
        HttpResponse<Buffer> response = harness.get(BASE + "/tasks/nope/stream");

        assertThat(GatewayHarness.assertDetail(response, 404)).isEqualTo("Task 'nope' not found.");
    }

    private String startChat() {
        HttpResponse<Buffer> accepted = harness.postJson(BASE + "/workflows/runs",
                "{\"workflow_id\":\"chat\",\"wait_for_completion\":false}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        return accepted.bodyAsJsonObject().getString("task_id");
    }

    private static List<String> names(SseReader sse) {
        return sse.events().stream().map(SseReader.Event::name).toList();
    }
}
