package io.modelcompose.gateway;

import static io.modelcompose.gateway.GatewayHarness.BASE;
import static io.modelcompose.gateway.GatewayHarness.assertDetail;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(VertxExtension.class)
class RequestErrorsTest {
    private static final String RUNS = BASE + "/workflows/runs";

    private GatewayHarness harness;

    @BeforeEach
    void startGateway(Vertx vertx) {
        harness = GatewayHarness.start(vertx, new FakeRunBackend(vertx),
                GatewayOptions.defaults().withBodyLimitBytes(4096));
    }

    @Test
    void rejectsMalformedJson() {
        String detail = assertDetail(harness.postJson(RUNS, "{\"workflow_id\": echo}"), 400);

        assertThat(detail).startsWith("Invalid request body: ").contains("line 1");
    }

    @Test
    void rejectsTrailingGarbageAfterTheObject() {
        assertThat(assertDetail(harness.postJson(RUNS, "{} {}"), 400))
                .startsWith("Invalid request body: unexpected content after the JSON value");
    }

    @Test
    void rejectsDuplicateKeys() {
        assertThat(assertDetail(harness.postJson(RUNS, "{\"input\":1,\"input\":2}"), 400))
                .startsWith("Invalid request body: Duplicate field 'input'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[1,2]                          | expected a JSON object, got an array",
        "\"run\"                        | expected a JSON object, got a string",
        "{\"wait_for_completion\":\"yes\"} | wait_for_completion must be a boolean, got a string",
        "{\"output_only\":1}               | output_only must be a boolean, got a number",
        "{\"workflow_id\":5}               | workflow_id must be a string, got a number"
    })
    void rejectsBodiesOfTheWrongShape(String body, String reason) {
        assertThat(assertDetail(harness.postJson(RUNS, body), 400)).isEqualTo("Invalid request body: " + reason);
        assertThat(harness.backend.submissions()).isEmpty();
    }

    @Test
    void rejectsMissingContentType() {
        HttpResponse<Buffer> response = harness.post(RUNS, null, Buffer.buffer("{}"));

        assertThat(assertDetail(response, 400)).isEqualTo("Missing or empty Content-Type header.");
    }

    @Test
    void rejectsUnsupportedContentType() {
        HttpResponse<Buffer> response = harness.post(RUNS, "text/plain", Buffer.buffer("{}"));

        assertThat(assertDetail(response, 400)).startsWith("Unsupported Content-Type: text/plain");
    }

    @Test
    void acceptsJsonWithCharset() {
        HttpResponse<Buffer> response = harness.post(RUNS, "application/json; charset=utf-8",
                Buffer.buffer("{\"wait_for_completion\":false}"));

        assertThat(response.statusCode()).isEqualTo(202);
    }

    @Test
    void rejectsBodyOverTheLimit() {
        char[] text = new char[8192];
        Arrays.fill(text, 'a');
        String body = "{\"input\":\"" + new String(text) + "\"}";

        HttpResponse<Buffer> response = harness.post(RUNS, "application/json",
                Buffer.buffer(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(assertDetail(response, 413)).isEqualTo("Request body exceeds the limit of 4096 bytes.");
        assertThat(harness.backend.submissions()).isEmpty();
    }

    @Test
    void rejectsOverlongIdempotencyKey() {
        HttpResponse<Buffer> response = harness.postJson(RUNS, "{}",
                java.util.Map.of("Idempotency-Key", "k".repeat(300)));

        assertThat(assertDetail(response, 400)).contains("Idempotency-Key");
    }

    @Test
    void answersJsonForUnknownRoutes() {
        assertThat(assertDetail(harness.get(BASE + "/nothing-here"), 404)).isEqualTo("Not Found.");
    }

    @Test
    void answersJsonForWrongMethod() {
        assertDetail(harness.get(RUNS), 405);
    }
}
