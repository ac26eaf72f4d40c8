package io.modelcompose.cli.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcompose.gateway.GatewayOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The verifier's client of the gateway: submits run i with {@code Idempotency-Key: verify-<seed>-<i>} and retries it
 * while the gateway is down or restarting (the key makes a retry of an accepted run return that run), then reads
 * every accepted run's state back.
 */
final class LoadDriver {
    static final Set<String> TERMINAL = Set.of("completed", "failed", "cancelled");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long RETRY_MILLIS = 200;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final long seed;
    private final String token = System.getenv(GatewayOptions.API_TOKEN_ENV);

    LoadDriver(int port, long seed) {
        this.base = "http://127.0.0.1:" + port;
        this.seed = seed;
    }

    /**
     * Submits one run, retrying until the gateway accepts it or {@code deadlineNanos} passes.
     *
     * @return its task id, or empty when it was never accepted
     */
    Optional<String> submit(int index, double jobSeconds, long deadlineNanos) throws InterruptedException {
        String body = "{\"workflow_id\":\"" + VerifyProject.WORKFLOW + "\",\"wait_for_completion\":false,"
                + "\"input\":{\"seconds\":" + jobSeconds + "}}";
        HttpRequest request = request("/workflows/runs").header("Content-Type", "application/json")
                .header("Idempotency-Key", "verify-" + seed + "-" + index)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        while (System.nanoTime() < deadlineNanos) {
            Optional<JsonNode> reply = send(request);
            if (reply.isPresent() && reply.get().hasNonNull("task_id")) {
                return Optional.of(reply.get().get("task_id").asText());
            }
            Thread.sleep(RETRY_MILLIS);
        }
        return Optional.empty();
    }

    /** The status of each task id that has reached one, waiting for the others until {@code deadlineNanos}. */
    Map<String, String> awaitStates(List<String> taskIds, long deadlineNanos) throws InterruptedException {
        Map<String, String> states = new LinkedHashMap<>();
        while (true) {
            for (String id : taskIds) {
                if (!states.containsKey(id)) {
                    send(request("/tasks/" + id).GET().build()).map(n -> n.path("status").asText())
                            .filter(TERMINAL::contains).ifPresent(status -> states.put(id, status));
                }
            }
            if (states.size() == taskIds.size() || System.nanoTime() > deadlineNanos) {
                return states;
            }
            Thread.sleep(500);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (token != null && !token.isBlank()) {
            builder.header("Authorization", "Bearer " + token.strip());
        }
        return builder;
    }

    /** The JSON body of a 2xx answer; empty on any other answer or when the gateway cannot be reached. */
    private Optional<JsonNode> send(HttpRequest request) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                return Optional.empty();
            }
            return Optional.of(JSON.readTree(response.body()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
