package io.modelcompose.scheduler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.scheduler.engine.EngineCommand.ScheduleTimer;
import io.modelcompose.scheduler.engine.EngineCommand.TimerKind;
import io.modelcompose.shared.event.AttemptId;
import io.modelcompose.shared.event.RunStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunEngineRetryTest {

    @Test
    void fixedBackoffRetriesAfterTheDelay() {
        EngineHarness h = new EngineHarness("""
                workflow:
                  jobs:
                    - id: flaky
                      component: shell
                      command: exit 1
                      retry: { max_attempt_count: 3, delay: 2s }
                """);
        h.submit("r1", null);
        h.fail("flaky", "boom");
        assertThat(h.timers).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(TimerKind.RETRY);
            assertThat(Duration.between(h.clock.instant(), t.dueAt())).isEqualTo(Duration.ofSeconds(2));
        });
        h.clock.advance(Duration.ofSeconds(1));
        h.fireDueTimers();
        assertThat(h.dispatched).hasSize(1);
        h.clock.advance(Duration.ofSeconds(1));
        h.fireDueTimers();
        assertThat(h.dispatch("flaky").attempt()).isEqualTo(2);
        assertThat(h.dispatch("flaky").context()).containsEntry("attempt", 2);
        h.succeed("flaky", "ok");
        assertThat(h.result("r1").status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void exponentialBackoffDoublesUpToMaxDelay() {
        EngineHarness h = new EngineHarness("""
                workflow:
                  jobs:
                    - id: flaky
                      component: shell
                      command: exit 1
                      retry: { max_attempt_count: 5, delay: 1s, backoff: exponential, max_delay: 3s }
                """);
        h.submit("r1", null);
        long[] expected = {1, 2, 3, 3};
        for (long seconds : expected) {
            h.fail("flaky", "boom");
            ScheduleTimer timer = h.timers.get(h.timers.size() - 1);
            assertThat(Duration.between(h.clock.instant(), timer.dueAt())).isEqualTo(Duration.ofSeconds(seconds));
            h.clock.advance(Duration.ofSeconds(seconds));
            h.fireDueTimers();
        }
        assertThat(h.dispatch("flaky").attempt()).isEqualTo(5);
        h.fail("flaky", "still broken");
        assertThat(h.result("r1").status()).isEqualTo(RunStatus.FAILED);
        assertThat(h.result("r1").error()).isEqualTo("job 'flaky' failed: still broken");
    }

    @Test
    void timeoutCancelsTheAttemptAndRetries() {
        EngineHarness h = new EngineHarness("""
                workflow:
                  jobs:
                    - id: slow
                      component: shell
                      command: sleep 10
                      timeout: 5s
                      retry: 2
                """);
        h.submit("r1", null);
        assertThat(h.dispatch("slow").timeoutMillis()).isEqualTo(5000);
        assertThat(h.timers).singleElement().extracting(ScheduleTimer::kind).isEqualTo(TimerKind.TIMEOUT);
        h.clock.advance(Duration.ofSeconds(5));
        h.fireDueTimers();
        assertThat(h.cancelled).singleElement().satisfies(c -> assertThat(c.attempt()).isEqualTo(1));
        assertThat(h.dispatch("slow").attempt()).isEqualTo(2);
        h.coordinator.jobSucceeded(new AttemptId("r1", "slow", 1), "late result of attempt 1", java.util.Map.of());
        assertThat(h.finished).isEmpty();
        h.clock.advance(Duration.ofSeconds(5));
        h.fireDueTimers();
        assertThat(h.result("r1").status()).isEqualTo(RunStatus.FAILED);
        assertThat(h.result("r1").error()).isEqualTo("job 'slow' failed: timed out after 5s");
    }

    @Test
    void timerOfAFinishedAttemptIsIgnored() {
        EngineHarness h = new EngineHarness("""
                workflow:
                  jobs:
                    - { id: quick, component: shell, command: echo, timeout: 5s }
                """);
        h.submit("r1", null);
        h.succeed("quick", "done");
        h.clock.advance(Duration.ofSeconds(6));
        h.fireDueTimers();
        assertThat(h.result("r1").status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(h.cancelled).isEmpty();
    }

    @Test
    void cancelStopsRunningJobsAndIgnoresTheirResults() {
        EngineHarness h = new EngineHarness("""
                workflow:
                  jobs:
                    - { id: a, component: shell, command: sleep 5 }
                    - { id: b, component: shell, command: echo b }
                """);
        h.submit("r1", null);
        var snapshot = h.coordinator.cancel("r1");
        assertThat(snapshot.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(h.cancelled).extracting(EngineCommand.CancelJob::jobKey).containsExactly("a");
        h.succeed("a", "late");
        assertThat(h.dispatchedKeys()).containsExactly("a");
        assertThat(h.result("r1").status()).isEqualTo(RunStatus.CANCELLED);
    }
}
