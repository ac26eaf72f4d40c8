package io.modelcompose.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcompose.cli.up.ServiceSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers as separate processes leave while they run jobs. Killed with SIGKILL: every accepted run still completes,
 * each with an output produced by one completed execution; the killed attempt is dispatched again once its lease
 * expires (it may also be run twice, as delivery is at least once). Stopped gracefully: its job runs elsewhere
 * instead of failing.
 */
class WorkerFailoverIT {
    private static final long LEASE_MILLIS = 3_000;
    private static final int RUNS = 30;
    private static final String BODY = """
            components:
              - id: slow-echo
                type: shell
                max_concurrent_count: 3
                command: >-
                  echo "${context.run_id} $PPID" >> starts.log;
                  sleep 1;
                  echo "${context.run_id} ${context.attempt} $PPID" | tee -a done.log
            workflows:
              - id: many
                default: true
                jobs:
                  - id: work
                    component: slow-echo
                    output: ${stdout.trim()}
              - id: long
                jobs:
                  - id: work
                    component: shell
                    command: 'echo "${context.run_id} $PPID" >> long-starts.log; sleep 3; echo "$PPID"'
                    output: ${stdout.trim()}
            """;

    @TempDir
    Path dir;

    private final InJvmRoles roles = new InJvmRoles();
    private final List<RoleProcess> workers = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (RoleProcess worker : workers) {
            worker.close();
        }
        roles.close();
    }

    @Test
    void runsOfAKilledWorkerCompleteOnTheOthers() throws Exception {
        ItProject project = ItProject.create(dir, "", BODY);
        for (int i = 1; i <= 3; i++) {
            workers.add(RoleProcess.serve(project, "worker", "worker-" + i, LEASE_MILLIS));
        }
        ServiceSet set = roles.deploy(project, project.config(), LEASE_MILLIS, ServiceSet.Role.SCHEDULER,
                ServiceSet.Role.GATEWAY);
        Kafka.awaitStableGroup(project.bootstrapServers(), project.topics().prefix() + "-workers", 3,
                Duration.ofSeconds(60));
        Api api = new Api(set.gatewayPort());

        List<String> taskIds = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            taskIds.add(api.submit(null, Map.of("i", i)));
        }
        String[] victim = runningJob(dir.resolve("starts.log"), dir.resolve("done.log"));
        long killedPid = Long.parseLong(victim[1]);
        RoleProcess killed = workers.stream().filter(w -> w.pid() == killedPid).findFirst().orElseThrow();
        killed.kill();

        Map<String, JsonNode> finished = api.awaitTerminal(taskIds, Duration.ofSeconds(120));

        List<String> completions = Spans.lines(dir.resolve("done.log"));
        Set<String> outputPids = new HashSet<>();
        for (String taskId : taskIds) {
            JsonNode state = finished.get(taskId);
            assertThat(state.path("status").asText()).as("%s", state).isEqualTo("completed");
            String output = state.path("output").asText();
            assertThat(output).startsWith(taskId + " ");
            assertThat(completions).as("executions").contains(output);
            outputPids.add(output.split(" ")[2]);
        }
        assertThat(outputPids).as("workers that produced outputs").hasSizeGreaterThan(1);
        String victimOutput = finished.get(victim[0]).path("output").asText();
        assertThat(victimOutput.split(" ")[2]).as("the killed job's output").isNotEqualTo(victim[1]);
        assertThat(Integer.parseInt(victimOutput.split(" ")[1])).as("attempt").isGreaterThan(1);
    }

    @Test
    void jobOfAGracefullyStoppedWorkerRunsElsewhere() throws Exception {
        ItProject project = ItProject.create(dir, "", BODY);
        for (int i = 1; i <= 2; i++) {
            workers.add(RoleProcess.serve(project, "worker", "worker-" + i, LEASE_MILLIS));
        }
        ServiceSet set = roles.deploy(project, project.config(), LEASE_MILLIS, ServiceSet.Role.SCHEDULER,
                ServiceSet.Role.GATEWAY);
        Kafka.awaitStableGroup(project.bootstrapServers(), project.topics().prefix() + "-workers", 2,
                Duration.ofSeconds(60));
        Api api = new Api(set.gatewayPort());

        String taskId = api.submit("long", Map.of());
        Path starts = dir.resolve("long-starts.log");
        await().atMost(Duration.ofSeconds(30)).until(() -> !Spans.lines(starts).isEmpty());
        long firstPid = Long.parseLong(Spans.lines(starts).get(0).split(" ")[1]);
        RoleProcess first = workers.stream().filter(w -> w.pid() == firstPid).findFirst().orElseThrow();
        first.stop();

        JsonNode state = api.awaitTerminal(List.of(taskId), Duration.ofSeconds(60)).get(taskId);
        assertThat(state.path("status").asText()).as("%s", state).isEqualTo("completed");
        assertThat(state.path("output").asText()).isNotEqualTo(Long.toString(firstPid));
    }

    /** Waits until several jobs have started and answers {run id, worker pid} of one that is running now. */
    private static String[] runningJob(Path starts, Path done) {
        String[][] found = new String[1][];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            List<String> started = Spans.lines(starts);
            if (started.size() < 6) {
                return false;
            }
            Set<String> finishedRuns = new HashSet<>();
            Spans.lines(done).forEach(line -> finishedRuns.add(line.split(" ")[0]));
            Optional<String> running = started.stream().filter(s -> !finishedRuns.contains(s.split(" ")[0]))
                    .reduce((first, second) -> second);
            running.ifPresent(line -> found[0] = line.split(" "));
            return running.isPresent();
        });
        return found[0];
    }
}
