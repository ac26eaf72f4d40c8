package io.modelcompose.worker;

import static io.modelcompose.shared.metrics.MetricNames.COMPONENT;
import static io.modelcompose.shared.metrics.MetricNames.STATUS;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.modelcompose.transport.metrics.MeterRegistries;
import io.modelcompose.shared.metrics.MetricNames;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A worker's meters: jobs in flight per component and the execution time of each attempt by component and outcome.
 * Meters are cached per component; a component reference the config does not declare is tagged
 * {@link MetricNames#UNKNOWN}, so a stray dispatch cannot add series.
 */
final class WorkerMetrics implements AutoCloseable {
    /** How an attempt ended, as the {@code status} tag says it. */
    enum Outcome {
        COMPLETED("completed"), FAILED("failed"), CANCELLED("cancelled");

        private final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }
    }

    /** A job being timed. */
    record Sample(ComponentMeters meters, long startNanos) {
    }

    private final MeterRegistry registry;
    private final Predicate<String> knownComponent;
    private final LongSupplier nanoClock;
    private final Map<String, ComponentMeters> components = new ConcurrentHashMap<>();

    WorkerMetrics(MeterRegistry registry, Predicate<String> knownComponent) {
        this(registry, knownComponent, System::nanoTime);
    }

    WorkerMetrics(MeterRegistry registry, Predicate<String> knownComponent, LongSupplier nanoClock) {
        this.registry = registry;
        this.knownComponent = knownComponent;
        this.nanoClock = nanoClock;
    }

    /** An attempt of a job of this component starts executing. */
    Sample jobStarted(String componentRef) {
        ComponentMeters meters = meters(componentRef);
        meters.inFlight.incrementAndGet();
        return new Sample(meters, nanoClock.getAsLong());
    }

    /** The attempt timed by {@code sample} ended. */
    void jobEnded(Sample sample, Outcome outcome) {
        sample.meters().inFlight.decrementAndGet();
        sample.meters().duration(outcome).record(nanoClock.getAsLong() - sample.startNanos(), TimeUnit.NANOSECONDS);
    }

    /** The registry for Kafka client metrics (consumer lag), or null when metrics are off. */
    MeterRegistry clientRegistry() {
        return MeterRegistries.forClients(registry);
    }

    /** Removes the in-flight gauges (they read this instance's counts); timers stay with the registry. */
    @Override
    public void close() {
        components.values().forEach(m -> registry.remove(m.inFlightGauge));
    }

    private ComponentMeters meters(String componentRef) {
        ComponentMeters cached = components.get(componentRef);
        if (cached != null) {
            return cached;
        }
        String tag = componentRef != null && knownComponent.test(componentRef) ? componentRef : MetricNames.UNKNOWN;
        return components.computeIfAbsent(tag, ComponentMeters::new);
    }

    /** Meters of one component; a timer per outcome, created on first use. */
    final class ComponentMeters {
        private final String component;
        private final AtomicInteger inFlight = new AtomicInteger();
        private final Gauge inFlightGauge;
        private final Timer[] durations = new Timer[Outcome.values().length];

        private ComponentMeters(String component) {
            this.component = component;
            this.inFlightGauge = Gauge.builder(MetricNames.JOBS_IN_FLIGHT, inFlight, AtomicInteger::get)
                    .tag(COMPONENT, component).description("Jobs this worker executes now").register(registry);
        }

        private synchronized Timer duration(Outcome outcome) {
            Timer timer = durations[outcome.ordinal()];
            if (timer == null) {
                timer = Timer.builder(MetricNames.JOB_DURATION).tags(COMPONENT, component, STATUS, outcome.tag)
                        .description("Execution time of one job attempt")
                        .serviceLevelObjectives(MetricNames.durationBuckets()).register(registry);
                durations[outcome.ordinal()] = timer;
            }
            return timer;
        }
    }
}
