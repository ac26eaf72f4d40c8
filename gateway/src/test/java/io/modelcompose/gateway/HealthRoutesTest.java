package io.modelcompose.gateway;

import static io.modelcompose.gateway.GatewayHarness.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(VertxExtension.class)
class HealthRoutesTest {

    @ParameterizedTest
    @ValueSource(strings = {"/health", BASE + "/health"})
    void answersOkAtRootAndUnderBasePath(String path, Vertx vertx) {
        HttpResponse<Buffer> response = GatewayHarness.start(vertx).get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("status", "ok"));
    }

    @Test
    void answers503OnceShutdownBegins(Vertx vertx) {
        GatewayHarness harness = GatewayHarness.start(vertx);
        harness.gateway.beginShutdown();

        HttpResponse<Buffer> response = harness.get("/health");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("status", "shutting_down"));
        assertThat(harness.get("/readiness").statusCode()).isEqualTo(503);
    }

    @Test
    void isReadyWhenEveryCheckPasses(Vertx vertx) {
        FakeRunBackend backend = new FakeRunBackend(vertx)
                .withCheck("kafka", () -> Future.succeededFuture(new JsonObject().put("brokers", 1)))
                .withCheck("scheduler", () -> Future.succeededFuture(null));
        GatewayHarness harness = GatewayHarness.start(vertx, backend, GatewayOptions.defaults());

        HttpResponse<Buffer> response = harness.get(BASE + "/readiness");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("status")).isEqualTo("UP");
        assertThat(check(body, "kafka").getJsonObject("data")).isEqualTo(new JsonObject().put("brokers", 1));
        assertThat(check(body, "gateway").getString("status")).isEqualTo("UP");
    }

    @Test
    void isNotReadyWhenACheckFailsOrHangs(Vertx vertx) {
        FakeRunBackend backend = new FakeRunBackend(vertx)
                .withCheck("kafka", () -> Future.failedFuture(
                        new ComposeException(ErrorCode.UNAVAILABLE, "no broker at 127.0.0.1:9092")))
                .withCheck("workers", () -> Promise.<JsonObject>promise().future())
                .withCheck("scheduler", () -> Future.succeededFuture(new JsonObject()));
        GatewayHarness harness = GatewayHarness.start(vertx, backend,
                GatewayOptions.defaults().withReadinessCheckTimeout(Duration.ofMillis(200)));

        HttpResponse<Buffer> response = harness.get("/readiness");

        assertThat(response.statusCode()).isEqualTo(503);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("status")).isEqualTo("DOWN");
        assertThat(check(body, "kafka").getString("status")).isEqualTo("DOWN");
        assertThat(check(body, "kafka").getJsonObject("data").getString("detail"))
                .isEqualTo("no broker at 127.0.0.1:9092");
        assertThat(check(body, "workers").getJsonObject("data").getString("detail"))
                .isEqualTo("no answer within 200 ms");
        assertThat(check(body, "scheduler").getString("status")).isEqualTo("UP");
    }

    @Test
    void listsPublicWorkflowsWithTitleAndDefaultOnlyWhenSet(Vertx vertx) {
        HttpResponse<Buffer> response = GatewayHarness.start(vertx).get(BASE + "/workflows");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonArray()).isEqualTo(new JsonArray()
                .add(new JsonObject().put("workflow_id", "echo").put("title", "Echo").put("default", true))
                .add(new JsonObject().put("workflow_id", "broken"))
                .add(new JsonObject().put("workflow_id", "slow")));
    }

    private static JsonObject check(JsonObject readiness, String id) {
        return readiness.getJsonArray("checks").stream()
                .map(JsonObject.class::cast)
                .filter(check -> id.equals(check.getString("id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check " + id + " in " + readiness.encode()));
    }
}
