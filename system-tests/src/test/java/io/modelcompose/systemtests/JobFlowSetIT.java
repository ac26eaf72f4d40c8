package io.modelcompose.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcompose.cli.up.ServiceSet;
import io.modelcompose.scheduler.SchedulerVerticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upstream's job types on the service set over a real broker: routing with rewinds, for-each batches, and a delay
 * plus routing that survive a take-over by a standby scheduler in the middle of the run.
 */
class JobFlowSetIT {
    private static final long LEASE_MILLIS = 3_000;
    private static final String BODY = """
            components:
              - id: log
                type: logger
            workflows:
              - id: loop
                default: true
                jobs:
                  - { id: begin, type: switch, input: go, value: go, then: work }
                  - id: work
                    component: shell
                    command: 'echo x >> loop-${context.run_id}.log; wc -l < loop-${context.run_id}.log'
                    output: ${stdout.trim() as integer}
                  - id: check
                    type: if
                    depends_on: [ work ]
                    input: ${jobs.work.output}
                    conditions: [ { operator: lt, value: 3, if_true: work } ]
                    otherwise: done
                  - { id: done, component: log, input: { rounds: "${jobs.work.output}" } }
              - id: each
                jobs:
                  - id: every
                    type: for-each
                    input: ${input.items}
                    batch_size: 10
                    do: { component: log, input: { n: "${item}" }, output: "${output.n * 2}" }
              - id: waiting
                jobs:
                  - { id: pick, type: if, input: "${input.go}", operator: eq, value: true, if_true: pause }
                  - { id: pause, type: delay, duration: 4s }
                  - id: after
                    component: shell
                    depends_on: [ pause ]
                    command: 'echo resumed'
                    output: { said: "${stdout.trim()}" }
            """;

    @TempDir
    Path dir;

    private final InJvmRoles roles = new InJvmRoles();

    @AfterEach
    void stop() {
        roles.close();
    }

    @Test
    void routingLoopsAndForEachGiveTheSameOutputsAsRun() throws Exception {
        ItProject project = ItProject.create(dir, "", BODY);
        ServiceSet set = roles.deploy(project, project.config(), 10_000, ServiceSet.Role.SCHEDULER,
                ServiceSet.Role.WORKER, ServiceSet.Role.GATEWAY);
        Api api = new Api(set.gatewayPort());

        Api.Reply loop = api.run(Map.of("workflow_id", "loop"));
        assertThat(loop.text("status")).as("%s", loop.body()).isEqualTo("completed");
        assertThat(loop.body().path("output")).isEqualTo(Api.JSON.valueToTree(Map.of("rounds", 3)));

        List<Integer> items = IntStream.rangeClosed(1, 100).boxed().toList();
        long started = System.nanoTime();
        Api.Reply each = api.run(Map.of("workflow_id", "each", "input", Map.of("items", items)));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(each.text("status")).as("%s", each.body()).isEqualTo("completed");
        assertThat(each.body().path("output")).isEqualTo(Api.JSON.valueToTree(items.stream().map(i -> i * 2)
                .toList()));
        Files.writeString(dir.resolve("for-each-100.txt"), millis + " ms\n");
        System.out.println("for-each of 100 logger items, batch_size 10, on the set: " + millis + " ms");
    }

    @Test
    void aDelayAndItsRoutingSurviveATakeOverMidRun() throws Exception {
        ItProject project = ItProject.create(dir, "", BODY);
        ServiceSet set = roles.deploy(project, project.config(), LEASE_MILLIS, ServiceSet.Role.WORKER,
                ServiceSet.Role.GATEWAY);
        SchedulerVerticle first = roles.startScheduler(project, project.config(), LEASE_MILLIS);
        await().atMost(Duration.ofSeconds(30)).until(first::isActive);
        SchedulerVerticle second = roles.startScheduler(project, project.config(), LEASE_MILLIS);
        Api api = new Api(set.gatewayPort());

        String task = api.submit("waiting", Map.of("go", true));
        await().atMost(Duration.ofSeconds(10)).until(() -> "processing".equals(
                api.get("/tasks/" + task).text("status")));
        roles.stopScheduler(first);
        await().atMost(Duration.ofSeconds(30)).until(second::isActive);

        Map<String, JsonNode> finished = api.awaitTerminal(List.of(task), Duration.ofSeconds(60));
        JsonNode state = finished.get(task);
        assertThat(state.path("status").asText()).as("%s", state).isEqualTo("completed");
        assertThat(state.path("output")).isEqualTo(Api.JSON.valueToTree(Map.of("said", "resumed")));
    }
}
