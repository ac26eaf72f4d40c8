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
    /** Deliveries re-sent because no worker was seen picking them up before their lease expired. */
    int unclaimed;
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
    /** This try's hook calls ({@code hook}); a new try (retry, rerun) calls them again. */
    final HookCalls hookCalls = new HookCalls();
    /** The attempt whose timeout timer is set (one per attempt, from its first dispatch), 0 for none. */
    int timedAttempt;

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

    /** Where the job's hooks are in the current try; a re-delivery keeps the input its before hooks gave. */
    static final class HookCalls {
        /** {@code before} or {@code after}: the phase being called, or the last one. */
        String phase;
        int index;
        /** The before hooks have all answered in this try; {@link #input} is what the component gets. */
        boolean beforeDone;
        /** The job's input so far. */
        Object input;
        /** After: the job's result so far, and the component's result sources. */
        Object result;
        java.util.Map<String, Object> sources;
        /** The hook dispatch waiting for its result, or null. */
        EngineCommand.DispatchJob inFlight;

        void reset() {
            phase = null;
            index = 0;
            beforeDone = false;
            input = null;
            result = null;
            sources = null;
            inFlight = null;
        }
    }

    JobState(JobConfig job, String key, WorkflowFrame frame) {
        this.job = job;
        this.key = key;
        this.frame = frame;
    }

    /** A new try of the job (a start, a rerun, a retry): its pauses ask again and its hooks are called again. */
    void newTry() {
        pauses.reset();
        hookCalls.reset();
    }

    boolean isActive() {
        return phase == Phase.RUNNING || phase == Phase.RETRY_WAIT || phase == Phase.INTERRUPTED;
    }
}
