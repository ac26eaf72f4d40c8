import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Driver of bench/streaming/run.sh. A loopback SSE server (OpenAI chat-completions stream shape) writes one chunk every
 * millisecond or so, each content being System.nanoTime() as it leaves; callers read the gateway's answer and take
 * now - that time for every chunk. One JVM holds both ends, so the clocks agree.
 * Usage: java StreamBench.java GATEWAY_PORT SSE_PORT STREAMS CHUNKS ROUNDS
 */
public class StreamBench {
    public static void main(String[] args) throws Exception {
        int gatewayPort = Integer.parseInt(args[0]);
        int ssePort = Integer.parseInt(args[1]);
        int streams = Integer.parseInt(args[2]);
        int chunks = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        Vertx vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(b -> {
            HttpServerResponse response = request.response().setChunked(true)
                    .putHeader("Content-Type", "text/event-stream");
            int[] sent = new int[1];
            vertx.setPeriodic(1, 1, id -> {
                if (sent[0]++ >= chunks) {
                    vertx.cancelTimer(id);
                    response.end("data: [DONE]\n\n");
                    return;
                }
                response.write("data: {\"choices\":[{\"delta\":{\"content\":\"" + System.nanoTime() + " \"}}]}\n\n");
            });
        })).listen(ssePort, "127.0.0.1").await();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService callers = Executors.newFixedThreadPool(streams);
        for (int round = 0; round <= rounds; round++) { // round 0 warms up
            List<Future<List<Long>>> running = new ArrayList<>();
            for (int s = 0; s < streams; s++) {
                running.add(callers.submit(() -> oneStream(http, gatewayPort)));
            }
            List<Long> micros = new ArrayList<>();
            for (Future<List<Long>> f : running) {
                micros.addAll(f.get());
            }
            if (round > 0) {
                Collections.sort(micros);
                System.out.printf("round %d: %d chunks, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", round, micros.size(),
                        at(micros, 0.50), at(micros, 0.99), at(micros, 1.0));
            }
        }
        callers.shutdownNow();
        server.close();
        vertx.close();
    }

    /** One caller: the latencies (µs) of the chunks it read. */
    private static List<Long> oneStream(HttpClient http, int port) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/workflows/runs"))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"workflow_id\":\"chat\",\"output_only\":true,\"input\":{\"prompt\":\"hi\"}}")).build();
        HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        List<Long> micros = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                long now = System.nanoTime();
                if (line.startsWith("data: \"")) {
                    String value = line.substring(7, line.length() - 1).strip();
                    micros.add((now - Long.parseLong(value)) / 1_000);
                }
            }
        }
        return micros;
    }

    private static double at(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1000.0;
    }
}
