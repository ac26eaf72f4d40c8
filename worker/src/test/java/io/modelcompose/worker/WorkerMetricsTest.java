package io.modelcompose.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.modelcompose.shared.metrics.MetricNames;
import io.modelcompose.worker.WorkerMetrics.Outcome;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WorkerMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicLong nanos = new AtomicLong();
    private final WorkerMetrics metrics = new WorkerMetrics(registry, Set.of("api", "flow/inline")::contains,
            nanos::get);

    @Test
    void inFlightGaugeGoesUpWhileJobsRunAndDownWhenTheyEnd() {
        WorkerMetrics.Sample first = metrics.jobStarted("api");
        WorkerMetrics.Sample second = metrics.jobStarted("api");
        WorkerMetrics.Sample other = metrics.jobStarted("flow/inline");
        assertThat(inFlight("api")).isEqualTo(2);
        assertThat(inFlight("flow/inline")).isEqualTo(1);

        metrics.jobEnded(first, Outcome.COMPLETED);
        assertThat(inFlight("api")).isEqualTo(1);
        metrics.jobEnded(second, Outcome.FAILED);
        metrics.jobEnded(other, Outcome.COMPLETED);
        assertThat(inFlight("api")).isZero();
        assertThat(inFlight("flow/inline")).isZero();
    }

    @Test
    void timesEachAttemptByComponentAndOutcome() {
        WorkerMetrics.Sample ok = metrics.jobStarted("api");
        WorkerMetrics.Sample stopped = metrics.jobStarted("api");
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(30));
        metrics.jobEnded(ok, Outcome.COMPLETED);
        metrics.jobEnded(stopped, Outcome.CANCELLED);

        var completed = registry.get(MetricNames.JOB_DURATION).tags("component", "api", "status", "completed").timer();
        assertThat(completed.count()).isEqualTo(1);
        assertThat(completed.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(30);
        assertThat(registry.get(MetricNames.JOB_DURATION).tags("component", "api", "status", "cancelled").timer()
                .count()).isEqualTo(1);
        assertThat(registry.find(MetricNames.JOB_DURATION).tags("status", "failed").timer()).isNull();
    }

    @Test
    void aComponentTheConfigDoesNotDeclareIsTaggedUnknown() {
        metrics.jobEnded(metrics.jobStarted("run-01ABC/made-up"), Outcome.FAILED);

        assertThat(registry.get(MetricNames.JOB_DURATION).tags("component", "unknown").timer().count()).isEqualTo(1);
        assertThat(registry.getMeters()).flatExtracting(m -> m.getId().getTags())
                .noneMatch(t -> t.getValue().contains("made-up"));
    }

    @Test
    void closeRemovesTheInFlightGauges() {
        metrics.jobStarted("api");
        metrics.close();

        assertThat(registry.find(MetricNames.JOBS_IN_FLIGHT).gauge()).isNull();
    }

    private double inFlight(String component) {
        return registry.get(MetricNames.JOBS_IN_FLIGHT).tag("component", component).gauge().value();
    }
}
