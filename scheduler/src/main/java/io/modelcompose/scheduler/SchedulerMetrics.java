package io.modelcompose.scheduler;

import static io.modelcompose.shared.metrics.MetricNames.COMPONENT;
import static io.modelcompose.shared.metrics.MetricNames.STATUS;
import static io.modelcompose.shared.metrics.MetricNames.WORKFLOW;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.modelcompose.scheduler.engine.EngineCommand.DispatchJob;
import io.modelcompose.scheduler.engine.RunCoordinator;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.WorkflowConfig;
import io.modelcompose.shared.event.AttemptId;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.RunStatus;
import io.modelcompose.transport.metrics.MeterRegistries;
import io.modelcompose.shared.metrics.MetricNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The scheduler's meters: runs started and finished by workflow and status, run durations, runs active and queued for
 * a controller slot, component slots in use and waiting, and how long dispatches waited for a slot. Events are fed on
 * the scheduler's context; gauges read values sampled there ({@link #sample}), so a scrape never touches the
 * coordinator. Meters are cached per workflow and component (both bounded by the config).
 */
final class SchedulerMetrics implements AutoCloseable {
    private final MeterRegistry registry;
    private final Set<String> workflowIds;
    private final LongSupplier nanoClock;
    private final Map<String, WorkflowMeters> workflows = new ConcurrentHashMap<>();
    private final Map<String, ComponentMeters> components = new ConcurrentHashMap<>();
    /** Run id → (job key and attempt → when the dispatch began to wait); emptied when the run finishes. */
    private final Map<String, Map<AttemptId, Long>> waitingSince = new HashMap<>();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger queued = new AtomicInteger();
    private final List<Meter> gauges = new ArrayList<>();

    SchedulerMetrics(MeterRegistry registry, ComposeConfig config) {
        this(registry, config.workflows().stream().map(WorkflowConfig::id).toList(), System::nanoTime);
    }

    SchedulerMetrics(MeterRegistry registry, Collection<String> workflowIds, LongSupplier nanoClock) {
        this.registry = registry;
        this.workflowIds = Set.copyOf(workflowIds);
        this.nanoClock = nanoClock;
        gauges.add(Gauge.builder(MetricNames.RUNS_ACTIVE, active, AtomicInteger::get)
                .description("Runs started and not finished").register(registry));
        gauges.add(Gauge.builder(MetricNames.RUNS_QUEUED, queued, AtomicInteger::get)
                .description("Runs waiting for a controller slot").register(registry));
    }

    void runStarted(RunSnapshot run) {
        workflow(run.workflowId()).started.increment();
    }

    void runFinished(RunSnapshot run) {
        waitingSince.remove(run.runId());
        if (!run.status().isTerminal()) {
            return;
        }
        WorkflowMeters meters = workflow(run.workflowId());
        int status = run.status().ordinal();
        meters.finished(status).increment();
        if (run.createdAtMillis() > 0 && run.finishedAtMillis() >= run.createdAtMillis()) {
            meters.duration(status).record(run.finishedAtMillis() - run.createdAtMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The dispatch must wait for a slot of its component. */
    void dispatchQueued(DispatchJob dispatch) {
        component(dispatch.componentRef());
        waitingSince.computeIfAbsent(dispatch.runId(), id -> new HashMap<>())
                .put(dispatch.id(), nanoClock.getAsLong());
    }

    /** The dispatch was sent; if it had waited for a slot, the wait is recorded. */
    void dispatched(DispatchJob dispatch) {
        ComponentMeters meters = component(dispatch.componentRef());
        Map<AttemptId, Long> waiting = waitingSince.get(dispatch.runId());
        if (waiting == null) {
            return;
        }
        Long since = waiting.remove(dispatch.id());
        if (since != null) {
            meters.slotWait.record(nanoClock.getAsLong() - since, TimeUnit.NANOSECONDS);
        }
        if (waiting.isEmpty()) {
            waitingSince.remove(dispatch.runId());
        }
    }

    /** Copies the coordinator's counts into the gauges (on the scheduler's context). */
    void sample(RunCoordinator coordinator) {
        active.set(coordinator.runningCount());
        queued.set(coordinator.pendingCount());
        components.forEach((ref, meters) -> {
            int[] load = coordinator.componentLoad(ref);
            meters.inUse.set(load[0]);
            meters.waiting.set(load[1]);
        });
    }

    /** This instance stopped being the active scheduler: it holds no run and no slot. */
    void reset() {
        active.set(0);
        queued.set(0);
        components.values().forEach(m -> {
            m.inUse.set(0);
            m.waiting.set(0);
        });
        waitingSince.clear();
    }

    /** The registry for Kafka client metrics (consumer lag), or null when metrics are off. */
    MeterRegistry clientRegistry() {
        return MeterRegistries.forClients(registry);
    }

    /** Removes the gauges (they read this instance's state); counters and timers stay with the registry. */
    @Override
    public void close() {
        gauges.forEach(registry::remove);
        components.values().forEach(m -> {
            registry.remove(m.inUseGauge);
            registry.remove(m.waitingGauge);
        });
    }

    private WorkflowMeters workflow(String id) {
        String tag = id != null && workflowIds.contains(id) ? id : MetricNames.UNKNOWN;
        return workflows.computeIfAbsent(tag, WorkflowMeters::new);
    }

    private ComponentMeters component(String ref) {
        return components.computeIfAbsent(ref, ComponentMeters::new);
    }

    /** Meters of one workflow; those of a status are created on its first run. */
    private final class WorkflowMeters {
        private final String workflow;
        private final Counter started;
        private final Counter[] finished = new Counter[RunStatus.values().length];
        private final Timer[] durations = new Timer[RunStatus.values().length];

        WorkflowMeters(String workflow) {
            this.workflow = workflow;
            this.started = Counter.builder(MetricNames.RUNS_STARTED).tag(WORKFLOW, workflow)
                    .description("Runs started").register(registry);
        }

        Counter finished(int status) {
            if (finished[status] == null) {
                finished[status] = Counter.builder(MetricNames.RUNS_FINISHED).tags(WORKFLOW, workflow,
                        STATUS, statusName(status)).description("Runs that reached a terminal status")
                        .register(registry);
            }
            return finished[status];
        }

        Timer duration(int status) {
            if (durations[status] == null) {
                durations[status] = Timer.builder(MetricNames.RUN_DURATION).tags(WORKFLOW, workflow,
                        STATUS, statusName(status)).description("From acceptance by the scheduler to the end")
                        .serviceLevelObjectives(MetricNames.durationBuckets()).register(registry);
            }
            return durations[status];
        }

        private static String statusName(int status) {
            return RunStatus.values()[status].wireName();
        }
    }

    /** Meters of one component. */
    private final class ComponentMeters {
        private final AtomicInteger inUse = new AtomicInteger();
        private final AtomicInteger waiting = new AtomicInteger();
        private final Gauge inUseGauge;
        private final Gauge waitingGauge;
        private final Timer slotWait;

        ComponentMeters(String component) {
            inUseGauge = Gauge.builder(MetricNames.SLOTS_IN_USE, inUse, AtomicInteger::get).tag(COMPONENT, component)
                    .description("Concurrency slots held").register(registry);
            waitingGauge = Gauge.builder(MetricNames.SLOTS_WAITING, waiting, AtomicInteger::get)
                    .tag(COMPONENT, component).description("Dispatches waiting for a slot").register(registry);
            slotWait = Timer.builder(MetricNames.SLOT_WAIT).tag(COMPONENT, component)
                    .description("Time a dispatch waited for a component slot")
                    .serviceLevelObjectives(MetricNames.durationBuckets()).register(registry);
        }
    }
}
