package io.modelcompose.gateway;

import static io.modelcompose.gateway.GatewayHarness.BASE;
import static io.modelcompose.gateway.GatewayHarness.assertDetail;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /workflows} with and without schemas, and {@code GET /workflows/{id}/schema}. */
@ExtendWith(VertxExtension.class)
class WorkflowRoutesTest {
    private GatewayHarness harness;

    @BeforeEach
    void startGateway(Vertx vertx) {
        harness = GatewayHarness.start(vertx);
    }

    @Test
    void listsWorkflowsWithTheirFullSchemasWhenAsked() {
        JsonArray listing = harness.get(BASE + "/workflows").bodyAsJsonArray();
        JsonArray schemas = harness.get(BASE + "/workflows?include_schema=true").bodyAsJsonArray();

        assertThat(listing.getJsonObject(0)).isEqualTo(new JsonObject().put("workflow_id", "echo")
                .put("title", "Echo").put("default", true));
        assertThat(schemas.size()).isEqualTo(3);
        assertThat(schemas.getJsonObject(0)).isEqualTo(echoSchema());
        assertThat(schemas.getJsonObject(1)).isEqualTo(new JsonObject().put("workflow_id", "broken")
                .put("input", new JsonArray()).put("output", new JsonArray()));
    }

    @Test
    void answersOneSchemaOr404() {
        assertThat(harness.get(BASE + "/workflows/echo/schema").bodyAsJsonObject()).isEqualTo(echoSchema());
        assertThat(assertDetail(harness.get(BASE + "/workflows/nope/schema"), 404)).isEqualTo("Workflow not found.");
    }

    @Test
    void aFlagThatIsNotABooleanIs400() {
        assertThat(assertDetail(harness.get(BASE + "/workflows?include_schema=maybe"), 400))
                .isEqualTo("include_schema must be true or false, got 'maybe'.");
    }

    private static JsonObject echoSchema() {
        return new JsonObject().put("workflow_id", "echo").put("title", "Echo").put("input", new JsonArray())
                .put("output", new JsonArray()).put("default", true);
    }
}
