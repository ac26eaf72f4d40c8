package io.modelcompose.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modelcompose.cli.metrics.Telemetry;
import io.modelcompose.cli.up.ServiceSet;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} over the whole service set in this JVM (one registry, as {@code up} builds it) after real runs,
 * and the metrics port of a worker started with {@code serve worker --metrics-port}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsIT {
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final String BODY = """
            components:
              - id: log
                type: logger
                level: debug
              - id: gate
                type: shell
                command: sleep 0.3
                max_concurrent_count: 1
            workflows:
              - id: greet
                default: true
                jobs:
                  - { id: say, component: log, input: { message: "hello ${input.name}" } }
              - id: broken
                jobs:
                  - { id: fail, component: shell, command: 'exit 3' }
              - id: limited
                jobs:
                  - { id: pass, component: gate }
              - id: echo
                jobs:
                  - { id: say, component: shell, command: 'echo hi' }
            """;

    @TempDir
    static Path dir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> runIds = new CopyOnWriteArrayList<>();
    private ItProject project;
    private Telemetry telemetry;
    private Vertx vertx;
    private ServiceSet set;
    private Api api;

    @BeforeAll
    void deploy() throws Exception {
        project = ItProject.create(dir, "", BODY);
        telemetry = Telemetry.on();
        vertx = telemetry.createVertx(new VertxOptions());
        set = InJvmRoles.await(ServiceSet.deploy(vertx, project.config(), dir, project.kafka(), ServiceSet.allRoles(),
                ServiceSet.Tuning.defaults(), telemetry));
        api = new Api(set.gatewayPort());
    }

    @AfterAll
    void stop() {
        try {
            InJvmRoles.await(set.stop());
            InJvmRoles.await(vertx.close());
        } finally {
            telemetry.close();
        }
    }

    @Test
    void runsJobsSlotsLagJvmAndHttpAppearWithBoundedTags() throws Exception {
        for (String name : List.of("ada", "bob", "cy")) {
            assertThat(runSync("greet", Map.of("name", name))).isEqualTo("completed");
        }
        assertThat(runSync("broken", Map.of())).isEqualTo("failed");
        List<String> limited = List.of(submit("limited"), submit("limited"), submit("limited"));
        api.awaitTerminal(limited, Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            PromText metrics = scrape(set.gatewayPort());
            assertThat(metrics.value("compose_runs_active")).isZero();
            assertThat(metrics.value("compose_runs_queued")).isZero();
            assertThat(metrics.value("compose_slots_in_use", "component", "gate")).isZero();
            assertThat(metrics.value("compose_workers_live")).isEqualTo(1);
        });
        PromText metrics = scrape(set.gatewayPort());

        assertThat(metrics.text()).contains("compose_runs_finished_total{status=\"completed\",workflow=\"greet\"} 3.0");
        assertThat(metrics.value("compose_runs_finished_total", "workflow", "broken", "status", "failed")).isEqualTo(1);
        assertThat(metrics.value("compose_runs_finished_total", "workflow", "limited", "status", "completed"))
                .isEqualTo(3);
        assertThat(metrics.value("compose_runs_started_total", "workflow", "greet")).isEqualTo(3);
        assertThat(metrics.value("compose_run_duration_seconds_count", "workflow", "greet", "status", "completed"))
                .isEqualTo(3);
        assertThat(metrics.find("compose_run_duration_seconds_bucket", "workflow", "greet")).isNotEmpty();
        assertThat(metrics.value("compose_job_duration_seconds_count", "component", "log", "status", "completed"))
                .isEqualTo(3);
        assertThat(metrics.value("compose_job_duration_seconds_count", "component", "broken/fail", "status", "failed"))
                .isEqualTo(1);
        assertThat(metrics.value("compose_jobs_in_flight", "component", "gate")).isZero();
        assertThat(metrics.value("compose_slot_wait_seconds_count", "component", "gate"))
                .as("three runs, one slot: later dispatches waited").isGreaterThanOrEqualTo(1);

        assertThat(metrics.find("kafka_consumer_fetch_manager_records_lag_max")).as("consumer lag").isNotEmpty();
        assertThat(metrics.find("jvm_memory_used_bytes")).isNotEmpty();
        assertThat(metrics.find("jvm_threads_live_threads")).isNotEmpty();
        assertThat(metrics.find("system_cpu_count")).isNotEmpty();
        assertThat(metrics.find("vertx_http_server_requests_total", "route", "/workflows/runs", "method", "POST",
                "code", "200")).isNotEmpty();

        assertThat(metrics.samples()).allSatisfy(sample -> {
            assertThat(sample.labels()).doesNotContainKey("path");
            assertThat(sample.labels().values()).noneMatch(value -> runIds.stream().anyMatch(value::contains));
        });
    }

    @Test
    void aWorkerServedAloneAnswersMetricsOnItsPort() throws Exception {
        int port = LoopbackPorts.free();
        try (RoleProcess worker = RoleProcess.serve(project, "worker", "metrics-worker", 10_000,
                "--metrics-port", Integer.toString(port))) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                assertThat(worker.isAlive()).as("serve worker exited:%n%s", worker.logTail()).isTrue();
                assertThat(get(port, "/health").statusCode()).isEqualTo(200);
            });
            Kafka.awaitStableGroup(project.bootstrapServers(), project.topics().prefix() + "-workers", 2,
                    Duration.ofSeconds(60));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(runSync("echo", Map.of())).isEqualTo("completed");
                PromText metrics = scrape(port);
                assertThat(metrics.find("compose_job_duration_seconds_count", "component", "echo/say"))
                        .as("a job this worker ran").anySatisfy(s -> assertThat(s.value()).isPositive());
            });
            PromText metrics = scrape(port);
            assertThat(metrics.find("jvm_memory_used_bytes")).isNotEmpty();
            assertThat(metrics.find("kafka_consumer_fetch_manager_records_lag_max")).isNotEmpty();
            assertThat(metrics.find("compose_runs_started_total")).as("no scheduler in that process").isEmpty();
            assertThat(get(port, "/nothing-here").statusCode()).isEqualTo(404);
        }
    }

    private String runSync(String workflow, Object input) {
        Api.Reply reply = api.run(Map.of("workflow_id", workflow, "input", input));
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        runIds.add(reply.text("task_id"));
        return reply.text("status");
    }

    private String submit(String workflow) {
        String id = api.submit(workflow, Map.of());
        runIds.add(id);
        return id;
    }

    private PromText scrape(int port) throws Exception {
        HttpResponse<String> response = get(port, "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(CONTENT_TYPE);
        return PromText.parse(response.body());
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
