package io.modelcompose.shared.metrics;

import java.time.Duration;

/**
 * Names and tag keys of the meters the roles publish (Micrometer dotted names; Prometheus shows
 * {@code compose.runs.finished} as {@code compose_runs_finished_total}). Tags are bounded: workflow and component ids
 * come from the config (anything else is {@link #UNKNOWN}), statuses from fixed sets; never a run id or a path.
 */
public final class MetricNames {
    /** Tag: workflow id from the config. */
    public static final String WORKFLOW = "workflow";
    /** Tag: component reference from the config (a component id, or {@code <workflow>/<job>} for inline ones). */
    public static final String COMPONENT = "component";
    /** Tag: a run's terminal status (completed, failed, cancelled) or a job's outcome. */
    public static final String STATUS = "status";
    /** Tag: the compose project of a container. */
    public static final String PROJECT = "project";
    /** Tag: the compose service of a container. */
    public static final String SERVICE = "service";
    /** Tag: the kind of a runtime-agent event. */
    public static final String KIND = "kind";
    /** The tag value standing for an id the config does not declare. */
    public static final String UNKNOWN = "unknown";

    /** Scheduler, counter {workflow}: runs started (left the controller queue). */
    public static final String RUNS_STARTED = "compose.runs.started";
    /** Scheduler, counter {workflow, status}: runs that reached a terminal status. */
    public static final String RUNS_FINISHED = "compose.runs.finished";
    /** Scheduler, timer {workflow, status}: from acceptance by the scheduler to the terminal status. */
    public static final String RUN_DURATION = "compose.run.duration";
    /** Scheduler, gauge: runs started and not finished. */
    public static final String RUNS_ACTIVE = "compose.runs.active";
    /** Scheduler, gauge: runs waiting for a controller slot ({@code controller.max_concurrent_count}). */
    public static final String RUNS_QUEUED = "compose.runs.queued";
    /** Scheduler, gauge {component}: concurrency slots held (job attempts dispatched and not ended). */
    public static final String SLOTS_IN_USE = "compose.slots.in.use";
    /** Scheduler, gauge {component}: dispatches waiting for a component slot. */
    public static final String SLOTS_WAITING = "compose.slots.waiting";
    /** Scheduler, timer {component}: how long a dispatch waited for a component slot (only dispatches that waited). */
    public static final String SLOT_WAIT = "compose.slot.wait";

    /** Worker, gauge {component}: jobs this worker is executing now. */
    public static final String JOBS_IN_FLIGHT = "compose.jobs.in.flight";
    /** Worker, timer {component, status}: execution time of one job attempt (status completed, failed, cancelled). */
    public static final String JOB_DURATION = "compose.job.duration";

    /** Gateway, gauge: workers whose heartbeat is recent. */
    public static final String WORKERS_LIVE = "compose.workers.live";

    /** Runtime-agent, counter {project, service}: restarts of a container by its restart policy. */
    public static final String CONTAINER_RESTARTS = "compose.container.restarts";
    /** Runtime-agent, gauge {project, service}: 1 while the container runs, else 0. */
    public static final String CONTAINER_RUNNING = "compose.container.running";
    /** Runtime-agent, gauge {project, service}: 1 healthy, 0 unhealthy (only containers with a health check). */
    public static final String CONTAINER_HEALTHY = "compose.container.healthy";
    /** Runtime-agent, counter {kind}: image and container events published. */
    public static final String AGENT_EVENTS = "compose.agent.events";

    private static final Duration[] DURATION_BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofMinutes(1), Duration.ofMinutes(5)
    };

    private MetricNames() {
    }

    /** The few histogram buckets of every compose timer (5 ms to 5 min), instead of a full percentile histogram. */
    public static Duration[] durationBuckets() {
        return DURATION_BUCKETS.clone();
    }
}
