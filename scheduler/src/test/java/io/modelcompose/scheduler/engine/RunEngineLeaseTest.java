package io.modelcompose.scheduler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.event.AttemptId;
import io.modelcompose.shared.event.RunStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunEngineLeaseTest {
    private static final String YAML = """
            components:
              - { id: api, type: shell, command: echo, max_concurrent_count: 1 }
            workflow:
              jobs:
                - { id: call, component: api, retry: 1 }
            """;

    @Test
    void expiredLeaseRedispatchesWithoutUsingARetry() {
        EngineHarness h = new EngineHarness(YAML);
        h.submit("r1", null);
        h.coordinator.leaseExpired(new AttemptId("r1", "call", 1));
        assertThat(h.dispatch("call").attempt()).isEqualTo(2);
        h.succeed("call", "ok");
        assertThat(h.result("r1").status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void expiredLeaseStopsTheLostAttemptBeforeItsSuccessorGoesOut() {
        EngineHarness h = new EngineHarness(YAML);
        h.submit("r1", null);
        h.coordinator.leaseExpired(new AttemptId("r1", "call", 1));
        assertThat(h.cancelled).extracting(c -> c.id()).containsExactly(new AttemptId("r1", "call", 1));
        assertThat(h.dispatch("call").attempt()).isEqualTo(2);
    }

    @Test
    void expiredLeaseFreesTheComponentSlot() {
        EngineHarness h = new EngineHarness(YAML);
        h.submit("r1", null);
        h.submit("r2", null);
        assertThat(h.dispatchedKeys()).containsExactly("call");
        h.coordinator.leaseExpired(new AttemptId("r1", "call", 1));
        assertThat(h.coordinator.componentLoad("api")[0]).isEqualTo(1);
        assertThat(h.dispatched).extracting(d -> d.runId() + "#" + d.attempt()).containsExactly("r1#1", "r2#1");
        h.coordinator.jobSucceeded(new AttemptId("r2", "call", 1), "ok", Map.of());
        assertThat(h.dispatched).extracting(d -> d.runId() + "#" + d.attempt()).containsExactly("r1#1", "r2#1", "r1#2");
    }

    @Test
    void lateResultOfTheLostAttemptIsIgnored() {
        EngineHarness h = new EngineHarness(YAML);
        h.submit("r1", null);
        h.coordinator.leaseExpired(new AttemptId("r1", "call", 1));
        h.coordinator.jobSucceeded(new AttemptId("r1", "call", 1), "from the presumed-dead worker", Map.of());
        assertThat(h.finished).isEmpty();
        h.coordinator.jobSucceeded(new AttemptId("r1", "call", 2), "fresh", Map.of());
        assertThat(h.result("r1").output()).isEqualTo("fresh");
    }

    @Test
    void jobFailsAfterTooManyLostWorkers() {
        EngineHarness h = new EngineHarness(YAML);
        h.submit("r1", null);
        for (int attempt = 1; attempt <= RunEngine.MAX_REDELIVERIES + 1; attempt++) {
            h.coordinator.leaseExpired(new AttemptId("r1", "call", attempt));
        }
        assertThat(h.result("r1").status()).isEqualTo(RunStatus.FAILED);
        assertThat(h.result("r1").error()).contains("worker lost 6 times");
    }

    @Test
    void attemptsNoWorkerPickedUpDoNotCountAsLostWorkers() {
        EngineHarness h = new EngineHarness(YAML);
        h.submit("r1", null);
        int attempt = 1;
        for (int i = 0; i < RunEngine.MAX_REDELIVERIES + 2; i++) {
            h.coordinator.leaseExpired(new AttemptId("r1", "call", attempt++), false);
        }
        h.coordinator.leaseExpired(new AttemptId("r1", "call", attempt++), true);
        assertThat(h.finished).as("7 unread dispatches and one lost worker").isEmpty();
        h.succeed("call", "ok");
        assertThat(h.result("r1").status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void aJobNoWorkerEverPicksUpFailsSayingSo() {
        EngineHarness h = new EngineHarness(YAML);
        h.submit("r1", null);
        for (int attempt = 1; attempt <= RunEngine.MAX_UNCLAIMED + 1; attempt++) {
            h.coordinator.leaseExpired(new AttemptId("r1", "call", attempt), false);
        }
        assertThat(h.result("r1").status()).isEqualTo(RunStatus.FAILED);
        assertThat(h.result("r1").error()).contains("no worker picked it up in 13 leases");
    }
}
