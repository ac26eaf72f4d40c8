package io.modelcompose.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcompose.cli.up.ServiceSet;
import io.modelcompose.scheduler.SchedulerVerticle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler can die: a standby takes over, replays the runs topic from the committed watermark and carries every
 * accepted run to completion.
 */
class SchedulerRestartIT {
    private static final long LEASE_MILLIS = 3_000;
    private static final int RUNS = 200;
    private static final String BODY = """
            workflow:
              jobs:
                - id: first
                  component: shell
                  command: echo ${context.run_id}
                  output: ${stdout.trim()}
                - id: second
                  component: shell
                  input: { first: "${output}" }
                  command: 'sleep 0.3; echo ${context.run_id} >> done.log; echo ${input.first}'
                  output: ${stdout.trim()}
            """;

    @TempDir
    Path dir;

    private final InJvmRoles roles = new InJvmRoles();
    private RoleProcess schedulerProcess;

    @AfterEach
    void stop() throws InterruptedException {
        if (schedulerProcess != null) {
            schedulerProcess.close();
        }
        roles.close();
    }

    @Test
    void standbyFinishesEveryRunWhenTheActiveSchedulerIsKilled() throws Exception {
        ItProject project = ItProject.create(dir, "", BODY);
        schedulerProcess = RoleProcess.serve(project, "scheduler", "scheduler-1", LEASE_MILLIS);
        awaitActiveSchedulerHeartbeat(project);
        ServiceSet set = roles.deploy(project, project.config(), LEASE_MILLIS, ServiceSet.Role.WORKER,
                ServiceSet.Role.GATEWAY);
        SchedulerVerticle standby = roles.startScheduler(project, project.config(), LEASE_MILLIS);
        Api api = new Api(set.gatewayPort());

        CompletableFuture<List<String>> submitted = CompletableFuture.supplyAsync(() -> {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                ids.add(api.submit(null, Map.of("i", i)));
            }
            return ids;
        });
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> Spans.lines(dir.resolve("done.log")).size() >= RUNS / 5);
        assertThat(standby.isActive()).as("standby before the kill").isFalse();
        schedulerProcess.kill();
        int doneAtKill = Spans.lines(dir.resolve("done.log")).size();

        await().atMost(Duration.ofSeconds(30)).until(standby::isActive);
        List<String> tasks = submitted.get(120, TimeUnit.SECONDS);
        Map<String, JsonNode> finished = api.awaitTerminal(tasks, Duration.ofSeconds(120));

        assertThat(doneAtKill).as("runs done when the scheduler was killed").isLessThan(RUNS);
        assertThat(finished.values()).allSatisfy(state -> {
            assertThat(state.path("status").asText()).as("%s", state).isEqualTo("completed");
            assertThat(state.path("output").asText()).isEqualTo(state.path("task_id").asText());
        });
        assertThat(new HashSet<>(Spans.lines(dir.resolve("done.log")))).containsExactlyInAnyOrderElementsOf(tasks);
    }

    @Test
    void standbyBecomesActiveWhenTheActiveStops() throws Exception {
        ItProject project = ItProject.create(dir, "", BODY);
        ServiceSet set = roles.deploy(project, project.config(), LEASE_MILLIS, ServiceSet.Role.WORKER,
                ServiceSet.Role.GATEWAY);
        SchedulerVerticle first = roles.startScheduler(project, project.config(), LEASE_MILLIS);
        await().atMost(Duration.ofSeconds(30)).until(first::isActive);
        SchedulerVerticle second = roles.startScheduler(project, project.config(), LEASE_MILLIS);
        Api api = new Api(set.gatewayPort());
        assertThat(api.run(Map.of()).text("status")).isEqualTo("completed");
        assertThat(second.isActive()).isFalse();
        assertThat(first.isActive()).as("a joining standby does not depose the active scheduler").isTrue();

        roles.stopScheduler(first);

        await().atMost(Duration.ofSeconds(30)).until(second::isActive);
        Api.Reply after = api.run(Map.of());
        assertThat(after.text("status")).isEqualTo("completed");
        assertThat(after.text("output")).isEqualTo(after.text("task_id"));
    }

    /** The process has won the election: a scheduler heartbeat says active (nothing else of the project runs yet). */
    private static void awaitActiveSchedulerHeartbeat(ItProject project) {
        Kafka.readUntil(project.bootstrapServers(), project.topics().heartbeats(), seen -> seen.stream()
                .anyMatch(r -> r.value().contains("\"role\":\"scheduler\"") && r.value().contains("\"active\":true")),
                Duration.ofSeconds(60));
    }
}
