package io.modelcompose.gateway;

import static io.modelcompose.gateway.GatewayHarness.BASE;
import static io.modelcompose.gateway.GatewayHarness.assertDetail;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class TaskRoutesTest {
    private GatewayHarness harness;

    @BeforeEach
    void startGateway(Vertx vertx) {
        harness = GatewayHarness.start(vertx);
    }

    @Test
    void servesStateOfRunningTask() {
        String taskId = harness.startSlowRun();
        harness.backend.startProcessing(taskId);

        HttpResponse<Buffer> response = harness.get(BASE + "/tasks/" + taskId);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject()
                .put("task_id", taskId).put("status", "processing").put("workflow_id", "slow"));
    }

    @Test
    void aFinishedTaskSaysHowLongItTookInSecondsAndARunningOneDoesNot() {
        String taskId = harness.startSlowRun();
        assertThat(harness.get(BASE + "/tasks/" + taskId).bodyAsJsonObject().containsKey("elapsed")).isFalse();
        harness.backend.complete(taskId, "done");

        JsonObject state = harness.get(BASE + "/tasks/" + taskId).bodyAsJsonObject();

        assertThat(state.getString("status")).isEqualTo("completed");
        assertThat(state.getDouble("elapsed")).isGreaterThanOrEqualTo(0.0).isLessThan(60.0);
    }

    @Test
    void answers202WithStateForOutputOnlyWhileNotFinished() {
        String taskId = harness.startSlowRun();

        HttpResponse<Buffer> response = harness.get(BASE + "/tasks/" + taskId + "?output_only=true");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("pending");
    }

    @Test
    void answersOutputAloneOnceFinished() {
        String taskId = harness.startSlowRun();
        harness.backend.complete(taskId, List.of(1, "two"));

        HttpResponse<Buffer> response = harness.get(BASE + "/tasks/" + taskId + "?output_only=true");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonArray()).isEqualTo(new JsonArray().add(1).add("two"));
    }

    @Test
    void answersNullOutputAsJsonNull() {
        String taskId = harness.startSlowRun();
        harness.backend.complete(taskId, null);

        HttpResponse<Buffer> response = harness.get(BASE + "/tasks/" + taskId + "?output_only=1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo("null");
    }

    @Test
    void answers500ForOutputOnlyOfFailedTask() {
        String taskId = harness.startSlowRun();
        harness.backend.fail(taskId, "exit code 3");

        assertThat(assertDetail(harness.get(BASE + "/tasks/" + taskId + "?output_only=true"), 500))
                .isEqualTo("exit code 3");
    }

    @Test
    void rejectsOutputOnlyThatIsNotABoolean() {
        String taskId = harness.startSlowRun();

        assertThat(assertDetail(harness.get(BASE + "/tasks/" + taskId + "?output_only=maybe"), 400))
                .contains("output_only");
    }

    @Test
    void answers404ForUnknownTask() {
        assertThat(assertDetail(harness.get(BASE + "/tasks/NOPE"), 404)).isEqualTo("Task 'NOPE' not found.");
    }

    @Test
    void cancelsRunningTask() {
        String taskId = harness.startSlowRun();

        HttpResponse<Buffer> response = harness.postJson(BASE + "/tasks/" + taskId + "/cancel", "");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("cancelled");
        assertThat(harness.get(BASE + "/tasks/" + taskId).bodyAsJsonObject().getString("status"))
                .isEqualTo("cancelled");
    }

    @Test
    void answers409WhenCancellingFinishedTask() {
        String taskId = harness.startSlowRun();
        harness.backend.complete(taskId, "done");

        HttpResponse<Buffer> response = harness.postJson(BASE + "/tasks/" + taskId + "/cancel", "");

        assertThat(assertDetail(response, 409)).isEqualTo("Task '" + taskId + "' has already finished: completed");
    }

    @Test
    void answers404WhenCancellingUnknownTask() {
        assertThat(assertDetail(harness.postJson(BASE + "/tasks/NOPE/cancel", ""), 404))
                .isEqualTo("Task 'NOPE' not found.");
    }

    @Test
    void hidesUnexpectedBackendErrorsBehindAGenericDetail() {
        harness.backend.throwOnGet(new IllegalStateException("pool exhausted"));

        assertThat(assertDetail(harness.get(BASE + "/tasks/ANY"), 500)).isEqualTo("Internal server error.");
    }

    @Test
    void stillServesTasksWhileShuttingDown() {
        String taskId = harness.startSlowRun();
        harness.gateway.beginShutdown();

        assertThat(harness.get(BASE + "/tasks/" + taskId).statusCode()).isEqualTo(200);
        assertThat(harness.postJson(BASE + "/tasks/" + taskId + "/cancel", "", Map.of()).statusCode()).isEqualTo(200);
    }
}
