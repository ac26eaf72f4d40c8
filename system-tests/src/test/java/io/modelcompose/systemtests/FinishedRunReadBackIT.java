package io.modelcompose.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modelcompose.cli.up.ServiceSet;
import io.modelcompose.gateway.GatewayOptions;
import io.modelcompose.gateway.GatewayVerticle;
import io.modelcompose.gateway.KafkaBackend;
import io.modelcompose.gateway.run.FinishedRunLimits;
import io.modelcompose.shared.event.RunIds;
import io.modelcompose.transport.metrics.MeterRegistries;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway holds at most its bound of finished runs; an earlier run is read back from the run-state topic on the
 * real broker: {@code GET /tasks/{id}} still answers its output, a repeated idempotency key still names it (and does
 * not run it again), and a gateway started afterwards holds no more than its bound either.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinishedRunReadBackIT {
    private static final int BOUND = 50;
    private static final int RUNS = 200;
    private static final String BODY = """
            workflows:
              - id: greet
                default: true
                jobs:
                  - id: say
                    component: shell
                    command: 'echo ${context.run_id} >> ran.log; echo "hello ${input.name}"'
                    output: { greeting: "${stdout.trim()}" }
            """;
    private static final FinishedRunLimits LIMITS = new FinishedRunLimits(BOUND, 16L * 1024 * 1024,
            Duration.ofHours(1));

    @TempDir
    static Path dir;

    private final InJvmRoles roles = new InJvmRoles();
    private final Vertx vertx = Vertx.vertx();
    private final List<KafkaBackend> backends = new ArrayList<>();
    private ItProject project;

    @BeforeAll
    void deploy() throws Exception {
        project = ItProject.create(dir, "", BODY);
        roles.deploy(project, project.config(), 10_000, ServiceSet.Role.SCHEDULER, ServiceSet.Role.WORKER);
    }

    @AfterAll
    void stop() {
        InJvmRoles.await(vertx.close());
        backends.forEach(KafkaBackend::close);
        roles.close();
    }

    /** A gateway in its own Vert.x, holding at most {@link #BOUND} finished runs. */
    private Gateway gateway() {
        KafkaBackend backend = new KafkaBackend(vertx, project.kafka(), 10_000, LIMITS, MeterRegistries.noop());
        backends.add(backend);
        InJvmRoles.await(backend.start());
        GatewayVerticle verticle = new GatewayVerticle(project.config(), backend, GatewayOptions.defaults(), null);
        InJvmRoles.await(vertx.deployVerticle(verticle));
        return new Gateway(backend, new Api(verticle.actualPort()));
    }

    private record Gateway(KafkaBackend backend, Api api) {
    }

    @Test
    void anEvictedRunIsReadBackFromKafka() throws Exception {
        Gateway gateway = gateway();
        Api.Reply first = gateway.api().run(Map.of("input", Map.of("name", "first")), "Idempotency-Key", "first-run");
        assertThat(first.status()).isEqualTo(200);
        String firstId = first.text("task_id");
        String plainId = null;
        for (int i = 1; i < RUNS; i++) {
            Api.Reply reply = gateway.api().run(Map.of("input", Map.of("name", "n" + i)));
            assertThat(reply.text("status")).as("%s", reply.body()).isEqualTo("completed");
            plainId = i == 1 ? reply.text("task_id") : plainId;
            assertThat(gateway.backend().finishedRunsHeld()).isLessThanOrEqualTo(BOUND);
        }
        assertThat(gateway.backend().finishedRunsHeld()).isEqualTo(BOUND);

        Api.Reply readBack = gateway.api().get("/tasks/" + firstId);
        assertThat(readBack.status()).as("%s", readBack.body()).isEqualTo(200);
        assertThat(readBack.text("status")).isEqualTo("completed");
        assertThat(readBack.body().path("output").path("greeting").asText()).isEqualTo("hello first");
        Api.Reply timeOrdered = gateway.api().get("/tasks/" + plainId + "?output_only=true");
        assertThat(timeOrdered.body().path("greeting").asText()).isEqualTo("hello n1");

        Api.Reply again = gateway.api().run(Map.of("input", Map.of("name", "first")), "Idempotency-Key", "first-run");
        assertThat(again.text("task_id")).isEqualTo(firstId);
        assertThat(again.text("status")).isEqualTo("completed");
        assertThat(Files.readAllLines(dir.resolve("ran.log"))).hasSize(RUNS).filteredOn(firstId::equals).hasSize(1);

        Api.Reply cancel = gateway.api().post("/tasks/" + firstId + "/cancel", "{}");
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(gateway.api().get("/tasks/" + RunIds.newId(System.currentTimeMillis())).status()).isEqualTo(404);
        assertThat(gateway.api().get("/tasks/not-a-run-id").status()).isEqualTo(404);
        assertThat(gateway.backend().finishedRunsHeld()).isLessThanOrEqualTo(BOUND);

        // a gateway started now reads the whole run-state topic and still holds no more than its bound
        Gateway late = gateway();
        await().atMost(Duration.ofSeconds(30)).until(() -> late.backend().finishedRunsHeld() == BOUND);
        assertThat(late.api().get("/tasks/" + firstId).body().path("output").path("greeting").asText())
                .isEqualTo("hello first");
        assertThat(late.backend().finishedRunsHeld()).isEqualTo(BOUND);
    }
}
