package io.modelcompose.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcompose.cli.up.ServiceSet;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Limits hold across workers: three worker processes share the jobs, and the shell jobs themselves record when they
 * ran, so the check does not trust the scheduler's own bookkeeping.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrencyLimitIT {
    private static final long LEASE_MILLIS = 10_000;
    private static final String BODY = """
            components:
              - id: limited
                type: shell
                max_concurrent_count: 2
                command: 's=$(date +%s%3N); sleep 0.2; e=$(date +%s%3N); echo "$s $e" >> component-spans.log'
            workflows:
              - id: component-limit
                jobs:
                  - { id: work, component: limited }
              - id: run-limit
                jobs:
                  - id: first
                    component: shell
                    command: 'echo "${context.run_id} $(date +%s%3N)" >> run-starts.log; sleep 0.1'
                  - id: second
                    component: shell
                    command: 'sleep 0.1; echo "${context.run_id} $(date +%s%3N)" >> run-ends.log'
            """;

    @TempDir
    static Path dir;

    private final List<RoleProcess> workers = new ArrayList<>();
    private ItProject project;

    @BeforeAll
    void startWorkers() throws IOException {
        project = ItProject.create(dir, "", BODY);
        for (int i = 1; i <= 3; i++) {
            workers.add(RoleProcess.serve(project, "worker", "worker-" + i, LEASE_MILLIS));
        }
        Kafka.awaitStableGroup(project.bootstrapServers(), project.topics().prefix() + "-workers", 3,
                Duration.ofSeconds(60));
    }

    @AfterAll
    void stopWorkers() throws InterruptedException {
        for (RoleProcess worker : workers) {
            worker.close();
        }
    }

    @Test
    void componentLimitHoldsAcrossWorkers() throws Exception {
        try (InJvmRoles roles = new InJvmRoles()) {
            Api api = deployControl(roles, project.config());
            List<String> tasks = submit(api, "component-limit", 60);

            assertAllCompleted(api.awaitTerminal(tasks, Duration.ofSeconds(120)));
        }
        List<long[]> spans = Spans.read(dir.resolve("component-spans.log"));
        assertThat(spans).hasSize(60);
        assertThat(Spans.maxOverlap(spans)).isEqualTo(2);
        assertThat(workers).allSatisfy(w -> assertThat(w.isAlive()).as(w.logTail()).isTrue());
    }

    @Test
    void controllerLimitHoldsRunsBackAcrossWorkers() throws Exception {
        try (InJvmRoles roles = new InJvmRoles()) {
            Api api = deployControl(roles, project.configWithRunLimit(2));
            List<String> tasks = submit(api, "run-limit", 30);

            assertAllCompleted(api.awaitTerminal(tasks, Duration.ofSeconds(120)));
        }
        Map<String, long[]> runs = new HashMap<>();
        Spans.lines(dir.resolve("run-starts.log")).forEach(line -> runs.computeIfAbsent(line.split(" ")[0],
                id -> new long[2])[0] = Long.parseLong(line.split(" ")[1]));
        Spans.lines(dir.resolve("run-ends.log")).forEach(line -> runs.get(line.split(" ")[0])[1] =
                Long.parseLong(line.split(" ")[1]));
        assertThat(runs).hasSize(30);
        assertThat(Spans.maxOverlap(List.copyOf(runs.values()))).isEqualTo(2);
    }

    /** A scheduler and a gateway in this JVM, for the workers started once for the class. */
    private Api deployControl(InJvmRoles roles, io.modelcompose.shared.config.ComposeConfig config) {
        ServiceSet set = roles.deploy(project, config, LEASE_MILLIS, ServiceSet.Role.SCHEDULER,
                ServiceSet.Role.GATEWAY);
        return new Api(set.gatewayPort());
    }

    private static List<String> submit(Api api, String workflowId, int count) {
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(api.submit(workflowId, Map.of("i", i)));
        }
        return tasks;
    }

    private static void assertAllCompleted(Map<String, JsonNode> finished) {
        assertThat(finished.values()).allSatisfy(state ->
                assertThat(state.path("status").asText()).as("%s", state).isEqualTo("completed"));
    }
}
