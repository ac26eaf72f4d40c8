package io.modelcompose.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcompose.cli.up.ServiceSet;
import io.modelcompose.scheduler.SchedulerVerticle;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failover under a limit: a component limited to one execution, runs queued for it in every partition, and the active
 * scheduler first SIGKILLed, then (its successor) stopped for another instance. The shell jobs record when they ran,
 * so the checks do not trust the scheduler: never two at once, no attempt executed twice, every job of every run
 * executed once (no worker dies; an attempt given up as lost was never executed), and the next job starts within 2 s
 * of each take-over.
 */
class SchedulerFailoverLimitIT {
    private static final long LEASE_MILLIS = 10_000;
    private static final int RUNS = 40;
    private static final long TAKE_OVER_TO_DISPATCH_MILLIS = 2_000;
    private static final String BODY = """
            components:
              - id: limited
                type: shell
                max_concurrent_count: 1
                command: 's=$(date +%s%3N); sleep 0.3; e=$(date +%s%3N); echo "$s $e ${context.run_id} ${context.attempt} work" >> spans.log'
            workflow:
              jobs:
                - id: warm
                  component: shell
                  command: 'echo "0 0 ${context.run_id} ${context.attempt} warm" >> executions.log'
                - id: work
                  component: limited
                  depends_on: [warm]
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
    void noLimitBrokenNoAttemptRepeatedAndDispatchSoonAfterEachTakeOver() throws Exception {
        ItProject project = ItProject.create(dir, "", BODY);
        schedulerProcess = RoleProcess.serve(project, "scheduler", "scheduler-1", LEASE_MILLIS);
        Kafka.readUntil(project.bootstrapServers(), project.topics().heartbeats(), seen -> seen.stream()
                .anyMatch(r -> r.value().contains("\"role\":\"scheduler\"") && r.value().contains("\"active\":true")),
                Duration.ofSeconds(60));
        ServiceSet set = roles.deploy(project, project.config(), LEASE_MILLIS, ServiceSet.Role.WORKER,
                ServiceSet.Role.GATEWAY);
        SchedulerVerticle second = roles.startScheduler(project, project.config(), LEASE_MILLIS);
        Api api = new Api(set.gatewayPort());
        CompletableFuture<List<String>> submitted = CompletableFuture.supplyAsync(() -> {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                ids.add(api.submit(null, Map.of("i", i)));
            }
            return ids;
        });

        awaitSpans(4);
        schedulerProcess.kill();
        long firstTakeOver = awaitActive(second::isActive);
        int doneAtFirst = spans().size();
        awaitSpans(doneAtFirst + 4);

        SchedulerVerticle third = roles.startScheduler(project, project.config(), LEASE_MILLIS);
        awaitSpans(spans().size() + 2);
        roles.stopScheduler(second);
        long secondTakeOver = awaitActive(third::isActive);

        Map<String, JsonNode> finished = api.awaitTerminal(submitted.get(60, TimeUnit.SECONDS),
                Duration.ofSeconds(120));
        assertThat(finished.values()).allSatisfy(state ->
                assertThat(state.path("status").asText()).as("%s", state).isEqualTo("completed"));
        List<String[]> spans = spans();
        assertThat(Spans.maxOverlap(spans.stream().map(s -> new long[] {Long.parseLong(s[0]),
                Long.parseLong(s[1])}).toList())).as("executions of the limited component at once").isEqualTo(1);
        List<String[]> executions = new ArrayList<>(spans);
        executions.addAll(lines("executions.log"));
        assertThat(executions.stream().map(s -> s[2] + "/" + s[4] + "#" + s[3]).collect(Collectors.groupingBy(k -> k,
                Collectors.counting()))).as("executions per attempt").allSatisfy((k, n) -> assertThat(n).isOne());
        assertThat(executions.stream().map(s -> s[2] + "/" + s[4]).distinct().count()).as("jobs executed")
                .isEqualTo(2L * RUNS);
        assertThat(executions).as("one execution per job: no worker died").hasSize(2 * RUNS);
        List<String> lost = Kafka.readUntil(project.bootstrapServers(), project.topics().runs(),
                seen -> seen.stream().filter(r -> r.value().contains("\"type\":\"JobFinished\"")).count() >= 2L * RUNS,
                Duration.ofSeconds(30)).stream().map(r -> r.value()).filter(v -> v.contains("\"type\":\"LeaseExpired\""))
                .map(SchedulerFailoverLimitIT::attemptOf).toList();
        assertThat(lost).as("attempts given up as lost (granted by a killed scheduler, never sent)")
                .allSatisfy(attempt -> assertThat(executions).noneMatch(s -> attempt.equals(s[2] + "/" + s[4] + "#"
                        + s[3])));
        System.err.printf("take-over to first dispatch of the limited component: %d ms after the kill, %d ms after"
                + " the stop%n", firstStartAfter(spans, firstTakeOver) - firstTakeOver,
                firstStartAfter(spans, secondTakeOver) - secondTakeOver);
        assertThat(firstStartAfter(spans, firstTakeOver) - firstTakeOver).as("first dispatch after the kill")
                .isLessThanOrEqualTo(TAKE_OVER_TO_DISPATCH_MILLIS);
        assertThat(firstStartAfter(spans, secondTakeOver) - secondTakeOver).as("first dispatch after the stop")
                .isLessThanOrEqualTo(TAKE_OVER_TO_DISPATCH_MILLIS);
    }

    private static String attemptOf(String json) {
        try {
            JsonNode n = Api.JSON.readTree(json);
            return n.path("runId").asText() + "/" + n.path("jobKey").asText() + "#" + n.path("attempt").asInt();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long awaitActive(BooleanSupplier active) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(active::getAsBoolean);
        return System.currentTimeMillis();
    }

    private void awaitSpans(int count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> spans().size() >= Math.min(count, RUNS));
    }

    /** Executions of the limited component; each line: start ms, end ms, run id, attempt, job. */
    private List<String[]> spans() throws IOException {
        return lines("spans.log");
    }

    private List<String[]> lines(String file) throws IOException {
        return Spans.lines(dir.resolve(file)).stream().map(l -> l.trim().split("\\s+")).toList();
    }

    private static long firstStartAfter(List<String[]> spans, long millis) {
        return spans.stream().mapToLong(s -> Long.parseLong(s[0])).filter(s -> s >= millis).min()
                .orElseThrow(() -> new AssertionError("nothing started after " + millis));
    }
}
