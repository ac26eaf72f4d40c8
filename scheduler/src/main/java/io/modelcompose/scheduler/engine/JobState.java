package io.modelcompose.scheduler.engine;

import io.modelcompose.shared.config.JobConfig;

/** Mutable state of one job inside a {@link WorkflowFrame}; owned by the engine's single thread. */
final class JobState {
    enum Phase { WAITING, RUNNING, RETRY_WAIT, INTERRUPTED, SUCCEEDED, FAILED }

    final JobConfig job;
    final String key;
    final WorkflowFrame frame;
    Phase phase = Phase.WAITING;
    /** Deliveries so far (the attempt number of the latest one). */
    int attempt;
    /** Failed attempts so far; the retry policy counts these, not deliveries lost with a worker. */
    int failures;
    /** Deliveries re-sent because the worker's lease expired. */
    int redeliveries;
    Object renderedInput;
    Object output;
    /** Non-null while a sub-workflow of this job runs. */
    WorkflowFrame child;
    /** Non-null while the dispatches of a repeat_count or for-each attempt run. */
    JobParts parts;
    /** Times the job was started in this run (routing loops start it again); bounded by max_run_count. */
    int runCount;
    /** Named as a routing target: it starts only once routed to. */
    boolean routable;
    /** A routing target that has been routed to (it is then pending like any other job). */
    boolean routed;
    /** Set while on_error handles the job's failure, so a failure of the handling itself fails the run. */
    boolean handlingError;
    /** This try's pauses for a person ({@code interrupt}), answered or not; a new try (retry, rerun) asks again. */
    final Pauses pauses = new Pauses();

    /** What the job's interrupts have collected in the current try; a re-delivery keeps it. */
    static final class Pauses {
        /** {@code before} or {@code after} while the job waits for an answer, else null. */
        String waitingAt;
        boolean beforeAnswered;
        boolean afterAnswered;
        /** The answer that replaces the job's input, when one was given. */
        boolean inputReplaced;
        Object replacedInput;
        /** The component's result while the job waits after it. */
        Object heldResult;
        java.util.Map<String, Object> heldSources;

        void reset() {
            waitingAt = null;
            beforeAnswered = false;
            afterAnswered = false;
            inputReplaced = false;
            replacedInput = null;
            heldResult = null;
            heldSources = null;
        }
    }

    JobState(JobConfig job, String key, WorkflowFrame frame) {
        this.job = job;
        this.key = key;
        this.frame = frame;
    }

    boolean isActive() {
        return phase == Phase.RUNNING || phase == Phase.RETRY_WAIT || phase == Phase.INTERRUPTED;
    }
}
