package io.modelcompose.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.modelcompose.scheduler.engine.EngineCommand.CancelJob;
import io.modelcompose.scheduler.engine.EngineCommand.DispatchJob;
import io.modelcompose.scheduler.engine.EngineCommand.ScheduleTimer;
import io.modelcompose.scheduler.engine.RunCoordinator;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.load.ConfigLoader;
import io.modelcompose.shared.config.LoadRequest;
import io.modelcompose.shared.event.AttemptId;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.RunStatus;
import io.modelcompose.shared.metrics.MetricNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler's meters, fed by a real coordinator the way {@link KafkaSchedulerOutput} feeds them. */
class SchedulerMetricsTest {
    private static final String CONFIG = """
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

    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicLong millis = new AtomicLong(1_000);
    private SchedulerMetrics metrics;
    private RunCoordinator coordinator;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(dir.resolve("model-compose.yml"), CONFIG);
        ComposeConfig config = ConfigLoader.load(new LoadRequest(List.of(), List.of(), Map.of(), Map.of(), dir));
        metrics = new SchedulerMetrics(registry, List.of("main"), () -> TimeUnit.MILLISECONDS.toNanos(millis.get()));
        coordinator = new RunCoordinator(config, new SteppedClock(), new MetricsOutput());
    }

    @Test
    void countsRunsStartedAndFinishedByWorkflowAndStatus() {
        coordinator.submit("r1", "main", null, null);
        coordinator.submit("r2", "main", null, null);
        millis.addAndGet(40);
        coordinator.jobSucceeded(new AttemptId("r1", "call", 1), "ok", Map.of());
        coordinator.jobFailed(new AttemptId("r2", "call", 1), "boom");

        assertThat(count(MetricNames.RUNS_STARTED, "workflow", "main")).isEqualTo(2);
        assertThat(count(MetricNames.RUNS_FINISHED, "workflow", "main", "status", "completed")).isEqualTo(1);
        assertThat(count(MetricNames.RUNS_FINISHED, "workflow", "main", "status", "failed")).isEqualTo(1);
        var duration = registry.get(MetricNames.RUN_DURATION).tags("workflow", "main", "status", "completed").timer();
        assertThat(duration.count()).isEqualTo(1);
        assertThat(duration.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40);
    }

    @Test
    void gaugesShowRunsQueuedForTheControllerAndDispatchesWaitingForASlot() {
        for (int i = 1; i <= 3; i++) {
            coordinator.submit("r" + i, "main", null, null);
        }
        metrics.sample(coordinator);

        assertThat(gauge(MetricNames.RUNS_ACTIVE)).isEqualTo(2);
        assertThat(gauge(MetricNames.RUNS_QUEUED)).as("beyond max_concurrent_count 2").isEqualTo(1);
        assertThat(gauge(MetricNames.SLOTS_IN_USE, "component", "api")).isEqualTo(1);
        assertThat(gauge(MetricNames.SLOTS_WAITING, "component", "api")).isEqualTo(1);

        metrics.reset();
        assertThat(gauge(MetricNames.RUNS_ACTIVE)).isZero();
        assertThat(gauge(MetricNames.SLOTS_WAITING, "component", "api")).isZero();
    }

    @Test
    void recordsHowLongEachDispatchWaitedForItsComponentSlot() {
        coordinator.submit("r1", "main", null, null);
        coordinator.submit("r2", "main", null, null);
        millis.addAndGet(25);
        coordinator.jobSucceeded(new AttemptId("r1", "call", 1), "ok", Map.of());

        var wait = registry.get(MetricNames.SLOT_WAIT).tag("component", "api").timer();
        assertThat(wait.count()).as("only r2 waited").isEqualTo(1);
        assertThat(wait.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(25);
    }

    @Test
    void aCancelledRunForgetsItsQueuedDispatchAndCountsAsCancelled() {
        coordinator.submit("r1", "main", null, null);
        coordinator.submit("r2", "main", null, null);
        coordinator.cancel("r2");
        coordinator.jobSucceeded(new AttemptId("r1", "call", 1), "ok", Map.of());

        assertThat(count(MetricNames.RUNS_FINISHED, "workflow", "main", "status", "cancelled")).isEqualTo(1);
        assertThat(registry.get(MetricNames.SLOT_WAIT).tag("component", "api").timer().count()).isZero();
    }

    @Test
    void aWorkflowTheConfigDoesNotDeclareIsTaggedUnknown() {
        RunSnapshot rejected = RunSnapshot.pending("r9", "made-up-" + System.nanoTime(), null, 1_000)
                .finished(RunStatus.FAILED, null, "Workflow not found.", 1_005);
        metrics.runFinished(rejected);

        assertThat(count(MetricNames.RUNS_FINISHED, "workflow", "unknown", "status", "failed")).isEqualTo(1);
        assertThat(registry.getMeters()).flatExtracting(m -> m.getId().getTags())
                .noneMatch(t -> t.getValue().startsWith("made-up-") || t.getValue().equals("r9"));
    }

    @Test
    void closeRemovesTheGaugesOnly() {
        coordinator.submit("r1", "main", null, null);
        metrics.close();

        assertThat(registry.getMeters()).extracting(Meter::getId).extracting(Meter.Id::getName)
                .doesNotContain(MetricNames.RUNS_ACTIVE, MetricNames.SLOTS_IN_USE)
                .contains(MetricNames.RUNS_STARTED);
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    private double gauge(String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }

    /** What {@link KafkaSchedulerOutput} does with the coordinator's decisions, minus Kafka. */
    private final class MetricsOutput implements RunCoordinator.Output {
        @Override
        public void dispatch(DispatchJob dispatch) {
            metrics.dispatched(dispatch);
        }

        @Override
        public void dispatchQueued(DispatchJob dispatch) {
            metrics.dispatchQueued(dispatch);
        }

        @Override
        public void cancel(CancelJob cancel) {
        }

        @Override
        public void schedule(ScheduleTimer timer) {
        }

        @Override
        public void runStarted(RunSnapshot snapshot) {
            metrics.runStarted(snapshot);
        }

        @Override
        public void runFinished(RunSnapshot snapshot) {
            metrics.runFinished(snapshot);
        }
    }

    /** A clock reading {@link #millis}. */
    private final class SteppedClock extends Clock {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }
}
