package io.modelcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code compose-cli run} end to end on every example folder. A loopback server stands in for the controller API
 * (answering like {@code POST /workflows/runs} with {@code output_only}) and for a Prometheus Pushgateway.
 */
class ExamplesRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    private static Vertx vertx;
    private static HttpServer server;
    private static final List<String> pushed = new CopyOnWriteArrayList<>();
    private static final List<String> pushedTypes = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startLoopbackApi() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            if (req.path().equals("/api/workflows/runs")) {
                JsonObject run = body.toJsonObject();
                Object answer = "fake-llm".equals(run.getString("workflow_id"))
                        ? Map.of("answer", "ok", "usage", Map.of("total_tokens", 5))
                        : run.getValue("input");
                req.response().putHeader("Content-Type", "application/json")
                        .end(io.vertx.core.json.Json.encode(answer));
            } else if (req.path().equals("/metrics/job/model-compose")) {
                pushed.add(body.toString());
                pushedTypes.add(req.getHeader("Content-Type"));
                req.response().setStatusCode(200).end();
            } else {
                req.response().setStatusCode(404).end();
            }
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get();
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    private static CliResult runExample(String folder, String... args) {
        String api = "http://127.0.0.1:" + server.actualPort();
        String[] prefix = {"--project-directory", EXAMPLES.resolve(folder).toString(),
            "-e", "API_BASE_URL=" + api + "/api", "-e", "PUSHGATEWAY_URL=" + api,
            "-e", "PUSHGATEWAY_PATH=/metrics/job/model-compose"};
        String[] all = new String[prefix.length + args.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(args, 0, all, prefix.length, args.length);
        CliResult result = CliResult.run(all);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result;
    }

    @Test
    void timedWorkflowLogsTheDurationBetweenTwoTimestamps() throws Exception {
        CliResult result = runExample("timed-workflow", "run", "timed-workflow", "--input", "{\"text\": \"hi\"}");
        Map<?, ?> output = JSON.readValue(result.out(), Map.class);
        assertThat((String) output.get("message")).matches("execution time: \\d+ms");
    }

    @Test
    void timedWorkflowEchoRunsWithoutAnyServer() throws Exception {
        CliResult result = runExample("timed-workflow", "run", "echo", "--input", "{\"text\": \"hi\"}");
        assertThat(JSON.readValue(result.out(), Map.class)).isEqualTo(Map.of("text", "hi"));
    }

    @Test
    void processWithLoggingRunsAllFourJobs() throws Exception {
        CliResult result = runExample("process-with-logging", "run", "--input", "{\"q\": 1}");
        assertThat(JSON.readValue(result.out(), Map.class)).isEqualTo(Map.of("message", "workflow finished"));
    }

    @Test
    void metricsLoggingShapesStatusTimingAndUsage() throws Exception {
        CliResult result = runExample("metrics-logging", "run", "--input", "{\"prompt\": \"hi\"}");
        Map<?, ?> output = JSON.readValue(result.out(), Map.class);
        assertThat(output.get("status")).isEqualTo(200);
        assertThat(output.get("tokens_used")).isEqualTo(5);
        assertThat(output.get("response_time")).isInstanceOf(Number.class);
        assertThat((String) output.get("run_id")).hasSize(26);
    }

    @Test
    void prometheusPushSendsTheExpositionTextAsPlainText() {
        pushed.clear();
        runExample("prometheus-push", "run");
        assertThat(pushed).singleElement().satisfies(body -> {
            assertThat(body).containsPattern("workflow_execution_duration_seconds \\d+");
            assertThat(body).contains("workflow_execution_total 1");
        });
        assertThat(pushedTypes).containsExactly("text/plain");
    }
}
