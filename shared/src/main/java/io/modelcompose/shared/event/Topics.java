package io.modelcompose.shared.event;

/**
 * Every topic name, derived from one prefix ({@code compose} by default), and the partition counts used when the
 * topics are created.
 *
 * @param prefix the topic prefix
 * @param jobPartitions partitions of the jobs topic: the most workers of one group that can share the load
 * @param runPartitions partitions of the other per-run topics
 */
public record Topics(String prefix, int jobPartitions, int runPartitions) {
    /** Partitions of the jobs topic on a cluster: enough for many workers in one group. */
    public static final int JOB_PARTITIONS = 24;
    /** Partitions of the other per-run topics on a cluster. */
    public static final int RUN_PARTITIONS = 12;
    /**
     * Partitions of the jobs topic on the embedded single-node broker: the workers of one host. Each partition costs
     * the broker ~20 ms to create and to recover at every start (fsynced checkpoint files), so fewer start faster.
     */
    public static final int SINGLE_HOST_JOB_PARTITIONS = 8;
    /** Partitions of the other per-run topics on the embedded single-node broker. */
    public static final int SINGLE_HOST_RUN_PARTITIONS = 4;

    public Topics {
        if (jobPartitions < 1 || runPartitions < 1) {
            throw new IllegalArgumentException("partition counts must be positive");
        }
    }

    /** The topics of a cluster, with the cluster partition counts. */
    public Topics(String prefix) {
        this(prefix, JOB_PARTITIONS, RUN_PARTITIONS);
    }

    /** The topics of the embedded single-node broker, with fewer partitions. */
    public static Topics singleHost(String prefix) {
        return new Topics(prefix, SINGLE_HOST_JOB_PARTITIONS, SINGLE_HOST_RUN_PARTITIONS);
    }

    /**
     * The scheduler's input log (key: run id): RunRequested and RunCancelRequested from gateways and other systems,
     * JobFinished from workers, TimerFired and LeaseExpired from the scheduler itself. Replaying it rebuilds the
     * scheduler's state, so every input that changes a run goes through it.
     */
    public String runs() {
        return prefix + ".runs";
    }

    /** Job dispatches (key: run id). Consumed by the workers' group. */
    public String jobs() {
        return prefix + ".jobs";
    }

    /** Job heartbeats that extend leases (key: run id). Read by the active scheduler from the end. */
    public String leases() {
        return prefix + ".leases";
    }

    /**
     * Chunks of streaming jobs as they are produced (JobChunk, key: run id, runPartitions partitions, kept for an
     * hour). Read by the gateways that deliver streams; a run's outcome never depends on it.
     */
    public String chunks() {
        return prefix + ".chunks";
    }

    /** Job cancel requests, read by every worker. */
    public String jobControl() {
        return prefix + ".job-control";
    }

    /** Run outcomes (RunStarted, RunFinished) for other systems (key: run id). */
    public String runEvents() {
        return prefix + ".run-events";
    }

    /** Latest state of each run, compacted (key: run id). Read in full by every gateway. */
    public String runState() {
        return prefix + ".run-state";
    }

    /** One partition; the scheduler instance that owns it is the active one. */
    public String schedulerLock() {
        return prefix + ".scheduler-lock";
    }

    /**
     * The consumer group the workers share the jobs topic in; its committed offsets say which dispatches are finished
     * (a scheduler taking over reads them).
     */
    public String workersGroup() {
        return prefix + "-workers";
    }

    /** Service heartbeats (key: instance id). */
    public String heartbeats() {
        return prefix + ".heartbeats";
    }

    /** Records that could not be processed, with the reason. */
    public String deadLetter() {
        return prefix + ".dead-letter";
    }

    /** Commands for the runtime-agents (key: host id); each agent acts only on its own host's commands. */
    public String agentCommands() {
        return prefix + ".agent-commands";
    }

    /** Image and container events of the runtime-agents (key: host id). */
    public String agentEvents() {
        return prefix + ".agent-events";
    }
}
