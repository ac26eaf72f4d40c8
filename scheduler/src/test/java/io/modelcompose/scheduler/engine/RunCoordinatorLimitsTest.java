package io.modelcompose.scheduler.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcompose.scheduler.engine.EngineCommand.DispatchJob;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.event.AttemptId;
import io.modelcompose.shared.event.RunStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RunCoordinatorLimitsTest {

    private static final String LIMITED = """
            controller:
              type: http-server
              max_concurrent_count: 2
            components:
              - id: api
                type: shell
                command: echo api
                max_concurrent_count: 1
            workflows:
              - id: main
                jobs:
                  - { id: call, component: api }
            """;

    @Test
    void runsBeyondTheControllerLimitWaitInOrder() {
        EngineHarness h = new EngineHarness(LIMITED.replace("max_concurrent_count: 1", "max_concurrent_count: 0"));
        for (int i = 1; i <= 4; i++) {
            h.submit("r" + i, null);
        }
        assertThat(h.started).containsExactly("r1", "r2");
        assertThat(h.coordinator.snapshot("r3").orElseThrow().status()).isEqualTo(RunStatus.PENDING);
        h.coordinator.jobSucceeded(new AttemptId("r1", "call", 1), "x", Map.of());
        assertThat(h.started).containsExactly("r1", "r2", "r3");
        assertThat(h.coordinator.runningCount()).isEqualTo(2);
        assertThat(h.coordinator.pendingCount()).isEqualTo(1);
    }

    @Test
    void componentLimitQueuesDispatchesUntilASlotIsFree() {
        EngineHarness h = new EngineHarness(LIMITED);
        h.submit("r1", null);
        h.submit("r2", null);
        assertThat(h.dispatched).extracting(DispatchJob::runId).containsExactly("r1");
        assertThat(h.coordinator.componentLoad("api")).containsExactly(1, 1);
        h.coordinator.jobFailed(new AttemptId("r1", "call", 1), "boom");
        assertThat(h.dispatched).extracting(DispatchJob::runId).containsExactly("r1", "r2");
    }

    @Test
    void cancellingAQueuedDispatchNeverSendsIt() {
        EngineHarness h = new EngineHarness(LIMITED);
        h.submit("r1", null);
        h.submit("r2", null);
        h.coordinator.cancel("r2");
        h.coordinator.jobSucceeded(new AttemptId("r1", "call", 1), "x", Map.of());
        assertThat(h.dispatched).extracting(DispatchJob::runId).containsExactly("r1");
        assertThat(h.cancelled).isEmpty();
    }

    @Test
    void repeatedRunIdReturnsTheKnownRun() {
        EngineHarness h = new EngineHarness(LIMITED);
        h.submit("r1", null);
        h.submit("r1", null);
        assertThat(h.started).containsExactly("r1");
    }

    @Test
    void cancelOfUnknownOrFinishedRunIsRefused() {
        EngineHarness h = new EngineHarness(LIMITED);
        assertThatThrownBy(() -> h.coordinator.cancel("nope")).isInstanceOf(ComposeException.class)
                .extracting(e -> ((ComposeException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
        h.submit("r1", null);
        h.coordinator.jobSucceeded(new AttemptId("r1", "call", 1), "x", Map.of());
        assertThatThrownBy(() -> h.coordinator.cancel("r1")).hasMessage("Task 'r1' has already finished: completed");
    }

    @Test
    void limitsHoldUnderRandomInterleavings() {
        String yaml = """
                controller: { max_concurrent_count: 3 }
                components:
                  - { id: a, type: shell, command: echo, max_concurrent_count: 2 }
                  - { id: b, type: shell, command: echo, max_concurrent_count: 1 }
                workflows:
                  - id: w
                    jobs:
                      - { id: j1, component: a, depends_on: [] }
                      - { id: j2, component: b, depends_on: [] }
                      - { id: j3, component: a, depends_on: [j1, j2] }
                """;
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            EngineHarness h = new EngineHarness(yaml);
            List<DispatchJob> inFlight = new ArrayList<>();
            int submitted = 0;
            int guard = 0;
            while ((submitted < 30 || !inFlight.isEmpty() || !h.dispatched.isEmpty()) && guard++ < 10_000) {
                if (submitted < 30 && random.nextInt(3) == 0) {
                    h.submit("r" + submitted++, null);
                }
                inFlight.addAll(h.dispatched);
                h.dispatched.clear();
                assertLimits(inFlight, h);
                if (!inFlight.isEmpty() && random.nextBoolean()) {
                    DispatchJob done = inFlight.remove(random.nextInt(inFlight.size()));
                    if (random.nextInt(10) == 0) {
                        h.coordinator.jobFailed(done.id(), "x");
                    } else {
                        h.coordinator.jobSucceeded(done.id(), "ok", Map.of());
                    }
                }
            }
            assertThat(h.finished).as("seed %d", seed).hasSize(30);
        }
    }

    private static void assertLimits(List<DispatchJob> inFlight, EngineHarness h) {
        Map<String, Integer> perComponent = new HashMap<>();
        inFlight.forEach(d -> perComponent.merge(d.componentRef(), 1, Integer::sum));
        assertThat(perComponent.getOrDefault("a", 0)).isLessThanOrEqualTo(2);
        assertThat(perComponent.getOrDefault("b", 0)).isLessThanOrEqualTo(1);
        assertThat(inFlight.stream().map(DispatchJob::runId).distinct().count()).isLessThanOrEqualTo(3);
        assertThat(h.coordinator.runningCount()).isLessThanOrEqualTo(3);
    }
}
