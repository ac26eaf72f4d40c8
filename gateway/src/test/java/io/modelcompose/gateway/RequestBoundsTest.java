package io.modelcompose.gateway;

import static io.modelcompose.gateway.GatewayHarness.BASE;
import static io.modelcompose.gateway.GatewayHarness.assertDetail;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.event.EventCodec;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One nesting limit, numbers that fit, and a JSON detail even for requests the HTTP codec cannot decode. */
@ExtendWith(VertxExtension.class)
class RequestBoundsTest {
    private static final String RUNS = BASE + "/workflows/runs";

    private GatewayHarness harness;
    private int port;

    @BeforeEach
    void startGateway(Vertx vertx) {
        harness = GatewayHarness.start(vertx);
        port = harness.gateway.actualPort();
    }

    private static String nested(int depth) {
        return "{\"wait_for_completion\":false,\"input\":" + "[".repeat(depth - 1) + "1" + "]".repeat(depth - 1) + "}";
    }

    @ParameterizedTest
    @ValueSource(ints = {101, 995, 999, 1001, 5000})
    void answers400ForAnyBodyNestedBeyondTheLimit(int depth) {
        assertThat(assertDetail(harness.postJson(RUNS, nested(depth)), 400))
                .startsWith("Invalid request body: nested deeper than " + EventCodec.MAX_VALUE_DEPTH + " levels");
        assertThat(harness.backend.submissions()).isEmpty();
    }

    @Test
    void acceptsABodyAtTheLimitAndItsRecordEncodes() throws Exception {
        assertThat(harness.postJson(RUNS, nested(EventCodec.MAX_VALUE_DEPTH)).statusCode()).isEqualTo(202);

        Object input = harness.backend.submissions().get(0).input();
        assertThat(EventCodec.mapper().writeValueAsBytes(input)).isNotEmpty();
    }

    @Test
    void rejectsANumberTooLargeForADouble() {
        String body = "{\"wait_for_completion\":false,\"input\":{\"n\":[1, 1e400]}}";

        assertThat(assertDetail(harness.postJson(RUNS, body), 400))
                .isEqualTo("Invalid request body: the number at input.n[1] is out of range (larger than a double)");
        assertThat(harness.backend.submissions()).isEmpty();
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static JsonObject body(String response) {
        return new JsonObject(response.substring(response.indexOf("\r\n\r\n") + 4));
    }

    @Test
    void answers414WithADetailForAnOverlongRequestLine() throws Exception {
        String response = raw("GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(response).contains(" 414 ").contains("application/json");
        assertThat(body(response).getString("detail")).isEqualTo("The request line is too long.");
    }

    @Test
    void answers431WithADetailForOversizedHeaders() throws Exception {
        String response = raw("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(10_000) + "\r\n\r\n");

        assertThat(response).contains(" 431 ");
        assertThat(body(response).getString("detail")).isEqualTo("The request headers are too large.");
    }

    @Test
    void answers400WithADetailForAMalformedRequestLine() throws Exception {
        String response = raw("NONSENSE\r\n\r\n");

        assertThat(response).contains(" 400 ");
        assertThat(body(response).getString("detail")).isEqualTo("Malformed HTTP request.");
    }
}
