package io.modelcompose.gateway;

import static io.modelcompose.gateway.GatewayHarness.BASE;
import static io.modelcompose.gateway.GatewayHarness.assertDetail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.event.RunIds;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class RunRoutesTest {
    private static final String RUNS = BASE + "/workflows/runs";

    private GatewayHarness harness;

    @BeforeEach
    void startGateway(Vertx vertx) {
        harness = GatewayHarness.start(vertx);
    }

    @Test
    void answersFinishedRunWhenWaitingForCompletion() {
        HttpResponse<Buffer> response = harness.postJson(RUNS,
                "{\"workflow_id\":\"echo\",\"input\":{\"text\":\"hi\"},\"metadata\":{\"user\":7}}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.fieldNames()).containsExactlyInAnyOrder("task_id", "status", "workflow_id", "output", "elapsed",
                "metadata");
        assertThat(body.getString("status")).isEqualTo("completed");
        assertThat(body.getString("workflow_id")).isEqualTo("echo");
        assertThat(body.getJsonObject("output")).isEqualTo(new JsonObject().put("echo", "{text=hi}"));
        assertThat(body.getJsonObject("metadata")).isEqualTo(new JsonObject().put("user", 7));
        assertThat(harness.backend.submissions()).singleElement()
                .satisfies(s -> assertThat(s.input()).isEqualTo(Map.of("text", "hi")));
    }

    @Test
    void aPlainTextPushWithAWorkflowIdRunsThatWorkflowWithTheTextAsInput() {
        String exposition = "workflow_execution_duration_seconds 51\nworkflow_execution_total 1\n";

        HttpResponse<Buffer> response = harness.post(RUNS + "?workflow_id=echo", "text/plain; charset=utf-8",
                Buffer.buffer(exposition));

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("completed");
        assertThat(harness.backend.submissions()).singleElement()
                .satisfies(s -> assertThat(s.input()).isEqualTo(exposition));
    }

    @Test
    void runsDefaultWorkflowWhenNoneIsNamed() {
        HttpResponse<Buffer> response = harness.postJson(RUNS, "{\"input\":1}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getString("workflow_id")).isEqualTo("echo");
    }

    @Test
    void reportsFailedRunAsOneLineErrorWithStatus200() {
        HttpResponse<Buffer> response = harness.postJson(RUNS, "{\"workflow_id\":\"broken\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("status")).isEqualTo("failed");
        assertThat(body.getString("error")).isEqualTo("component 'api' failed: HTTP 500");
        assertThat(body.containsKey("output")).isFalse();
    }

    @Test
    void acceptsAsyncRunThenServesItsStateByPolling() {
        HttpResponse<Buffer> accepted = harness.postJson(RUNS,
                "{\"workflow_id\":\"echo\",\"input\":\"x\",\"wait_for_completion\":false}");

        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonObject body = accepted.bodyAsJsonObject();
        assertThat(body.fieldNames()).containsExactlyInAnyOrder("task_id", "status", "workflow_id");
        assertThat(body.getString("status")).isEqualTo("pending");
        String taskId = body.getString("task_id");
        await().atMost(Duration.ofSeconds(5)).until(
                () -> "completed".equals(harness.get(BASE + "/tasks/" + taskId).bodyAsJsonObject().getString("status")));
        JsonObject finished = harness.get(BASE + "/tasks/" + taskId).bodyAsJsonObject();
        assertThat(finished.getJsonObject("output").getString("echo")).isEqualTo("x");
    }

    @Test
    void answersOutputAloneWhenOutputOnly() {
        HttpResponse<Buffer> response = harness.postJson(RUNS,
                "{\"workflow_id\":\"echo\",\"input\":\"x\",\"output_only\":true}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("echo", "x"));
    }

    @Test
    void answers500WithDetailWhenOutputOnlyRunFails() {
        HttpResponse<Buffer> response = harness.postJson(RUNS, "{\"workflow_id\":\"broken\",\"output_only\":true}");

        assertThat(assertDetail(response, 500)).isEqualTo("component 'api' failed: HTTP 500");
    }

    @Test
    void answers409WithStateWhenOutputOnlyRunIsCancelled() {
        String taskId = RunIds.fromIdempotencyKey("slow", "cancel-me");
        var waiting = harness.postJsonAsync(RUNS, "{\"workflow_id\":\"slow\",\"output_only\":true}",
                Map.of("Idempotency-Key", "cancel-me"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !harness.backend.submissions().isEmpty());
        assertThat(harness.postJson(BASE + "/tasks/" + taskId + "/cancel", "").statusCode()).isEqualTo(200);

        HttpResponse<Buffer> response = GatewayHarness.await(waiting);
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("cancelled");
        assertThat(response.bodyAsJsonObject().getString("task_id")).isEqualTo(taskId);
    }

    @Test
    void rejectsOutputOnlyWithoutWaiting() {
        HttpResponse<Buffer> response = harness.postJson(RUNS,
                "{\"workflow_id\":\"echo\",\"output_only\":true,\"wait_for_completion\":false}");

        assertThat(assertDetail(response, 400)).isEqualTo("output_only=true requires wait_for_completion=true.");
        assertThat(harness.backend.submissions()).isEmpty();
    }

    @Test
    void answers404ForUnknownWorkflow() {
        HttpResponse<Buffer> response = harness.postJson(RUNS, "{\"workflow_id\":\"nope\"}");

        assertThat(assertDetail(response, 404)).isEqualTo("Workflow 'nope' not found.");
    }

    @Test
    void answers404ForAPrivateWorkflowAndStartsNothing() {
        HttpResponse<Buffer> response = harness.postJson(RUNS, "{\"workflow_id\":\"internal\"}");

        assertThat(assertDetail(response, 404)).isEqualTo("Workflow 'internal' not found.");
        assertThat(harness.backend.submissions()).isEmpty();
    }

    @Test
    void mapsTheSameIdempotencyKeyToOneRun() {
        Map<String, String> key = Map.of("Idempotency-Key", "order-42");
        String body = "{\"workflow_id\":\"echo\",\"input\":\"once\"}";

        JsonObject first = harness.postJson(RUNS, body, key).bodyAsJsonObject();
        JsonObject second = harness.postJson(RUNS, body, key).bodyAsJsonObject();

        assertThat(first.getString("task_id")).isEqualTo(RunIds.fromIdempotencyKey("echo", "order-42"));
        assertThat(second).isEqualTo(first);
        assertThat(harness.backend.submissions()).hasSize(1);
    }

    @Test
    void answers429WhenTheQueueIsFull() {
        harness.backend.refuseWith(new ComposeException(ErrorCode.QUEUE_FULL, "The run queue is full (10 runs)."));

        HttpResponse<Buffer> response = harness.postJson(RUNS, "{}");

        assertThat(assertDetail(response, 429)).isEqualTo("The run queue is full (10 runs).");
    }

    @Test
    void refusesNewRunsWhileShuttingDown() {
        harness.gateway.beginShutdown();

        HttpResponse<Buffer> response = harness.postJson(RUNS, "{\"workflow_id\":\"echo\"}");

        assertDetail(response, 503);
        assertThat(harness.backend.submissions()).isEmpty();
    }

    @Test
    void answersSyncCallerWhenRunFinishesOnAnotherThread() {
        var waiting = harness.postJsonAsync(RUNS, "{\"workflow_id\":\"slow\"}", Map.of());
        await().atMost(Duration.ofSeconds(5)).until(() -> !harness.backend.submissions().isEmpty());

        harness.backend.complete(harness.backend.submissions().get(0).runId(), 42);

        HttpResponse<Buffer> response = GatewayHarness.await(waiting);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getInteger("output")).isEqualTo(42);
    }

    @Test
    void keepsTheRunWhenTheWaitingCallerDisconnects(Vertx vertx) {
        WebClient impatientClient = WebClient.create(vertx);
        var abandoned = impatientClient.post(harness.gateway.actualPort(), "127.0.0.1", RUNS)
                .putHeader("Content-Type", "application/json")
                .timeout(300)
                .sendBuffer(Buffer.buffer("{\"workflow_id\":\"slow\"}"));
        assertThatThrownBy(() -> GatewayHarness.await(abandoned)).isNotNull();
        String taskId = harness.backend.submissions().get(0).runId();

        harness.backend.complete(taskId, "late");

        JsonObject state = harness.get(BASE + "/tasks/" + taskId).bodyAsJsonObject();
        assertThat(state.getString("status")).isEqualTo("completed");
        assertThat(state.getString("output")).isEqualTo("late");
        assertThat(harness.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void answersCurrentStateWhenTheSyncWaitTimesOut(Vertx vertx) {
        GatewayHarness impatient = GatewayHarness.start(vertx, new FakeRunBackend(vertx),
                GatewayOptions.defaults().withSyncWaitTimeout(Duration.ofMillis(100)));

        HttpResponse<Buffer> response = impatient.postJson(RUNS, "{\"workflow_id\":\"slow\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("pending");
    }
}
