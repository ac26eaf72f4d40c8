package io.modelcompose.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A small client of the gateway's HTTP API over loopback (HTTP/1.1, JSON). */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TERMINAL = Set.of("completed", "failed", "cancelled");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    /**
     * An answer.
     *
     * @param status the HTTP status
     * @param body the body as JSON (a missing node when empty or not JSON)
     */
    record Reply(int status, JsonNode body) {
        String text(String field) {
            return body.path(field).asText(null);
        }
    }

    Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Reply post(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    /** POSTs a run request built from these fields. */
    Reply run(Map<String, Object> fields, String... headers) {
        try {
            return post("/workflows/runs", JSON.writeValueAsString(fields), headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a run without waiting and answers its task id. */
    String submit(String workflowId, Object input) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("workflow_id", workflowId);
        fields.put("input", input);
        fields.put("wait_for_completion", false);
        Reply reply = run(fields);
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(202);
        return reply.text("task_id");
    }

    /** The state of every task once all of them have reached a terminal status. */
    Map<String, JsonNode> awaitTerminal(Collection<String> taskIds, Duration timeout) {
        Map<String, JsonNode> done = new LinkedHashMap<>();
        await().atMost(timeout).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            for (String id : taskIds) {
                if (!done.containsKey(id)) {
                    JsonNode state = get("/tasks/" + id).body();
                    if (TERMINAL.contains(state.path("status").asText())) {
                        done.put(id, state);
                    }
                }
            }
            assertThat(done).as("finished tasks").hasSameSizeAs(taskIds);
        });
        return done;
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
