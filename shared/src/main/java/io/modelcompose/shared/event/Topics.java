package io.modelcompose.shared.event;

/**
 * Every topic name, derived from one prefix ({@code compose} by default).
 *
 * @param prefix the topic prefix
 */
public record Topics(String prefix) {
    /** Partitions of the jobs topic: enough for many workers in one group. */
    public static final int JOB_PARTITIONS = 24;
    /** Partitions of the other per-run topics. */
    public static final int RUN_PARTITIONS = 12;

    /** Run requests and cancel requests (key: run id). Consumed by the active scheduler. */
    public String runs() {
        return prefix + ".runs";
    }

    /** Job dispatches (key: run id). Consumed by the workers' group. */
    public String jobs() {
        return prefix + ".jobs";
    }

    /** Job results and heartbeats (key: run id). Consumed by the active scheduler. */
    public String results() {
        return prefix + ".results";
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

    /** The scheduler's per-run journal, compacted (key: run id): what it needs to rebuild after a restart. */
    public String schedulerJournal() {
        return prefix + ".scheduler-journal";
    }

    /** One partition; the scheduler instance that owns it is the active one. */
    public String schedulerLock() {
        return prefix + ".scheduler-lock";
    }

    /** Service heartbeats (key: instance id). */
    public String heartbeats() {
        return prefix + ".heartbeats";
    }

    /** Records that could not be processed, with the reason. */
    public String deadLetter() {
        return prefix + ".dead-letter";
    }
}
