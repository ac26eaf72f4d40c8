package io.modelcompose.shared.event;

import java.util.Map;

/** Job-level records between the scheduler and the workers. */
public final class JobEvents {
    private JobEvents() {
    }

    /**
     * One attempt of a job, for a worker to run.
     *
     * @param schemaVersion 1
     * @param runId the run (Kafka key)
     * @param workflowId the job's workflow
     * @param jobKey the job's key in the run
     * @param jobId the job id
     * @param attempt 1-based attempt (delivery) number
     * @param componentRef a declared component id, or {@code <workflow>/<job>} for an inline component
     * @param actionId the action
     * @param input the rendered job input
     * @param context {@code {run_id, workflow_id, job_id, attempt}}
     * @param timeoutMillis per-attempt limit, 0 = none
     * @param leaseDeadlineMillis epoch ms after which the scheduler considers the attempt lost unless a heartbeat
     *     extended it
     */
    public record JobDispatched(int schemaVersion, String runId, String workflowId, String jobKey, String jobId,
            int attempt, String componentRef, String actionId, Object input, Map<String, Object> context,
            long timeoutMillis, long leaseDeadlineMillis) implements ComposeEvent {
        @Override
        public String key() {
            return runId;
        }

        /** The attempt this record is about (derived from the flat wire fields, which stay as they are). */
        public AttemptId attemptId() {
            return new AttemptId(runId, jobKey, attempt);
        }
    }

    /**
     * The outcome of an attempt.
     *
     * @param schemaVersion 1
     * @param runId the run
     * @param jobKey the job key
     * @param attempt the attempt this result belongs to (results of older attempts are ignored)
     * @param workerId the worker that ran it
     * @param succeeded true on success
     * @param output the component output on success
     * @param sources the result sources on success ({@code stdout}, {@code status}, ...)
     * @param error a one-line error on failure
     * @param startedAtMillis when the worker began the attempt (epoch ms; 0 from writers that do not say), for the
     *     run timeline only
     */
    public record JobFinished(int schemaVersion, String runId, String jobKey, int attempt, String workerId,
            boolean succeeded, Object output, Map<String, Object> sources, String error, Long startedAtMillis)
            implements ComposeEvent {
        /** A record of a writer that predates {@code startedAtMillis} has none: it reads as 0 (boxed only for that). */
        public JobFinished {
            startedAtMillis = startedAtMillis == null ? 0L : startedAtMillis;
        }

        /** A result that does not say when the attempt began. */
        public JobFinished(int schemaVersion, String runId, String jobKey, int attempt, String workerId,
                boolean succeeded, Object output, Map<String, Object> sources, String error) {
            this(schemaVersion, runId, jobKey, attempt, workerId, succeeded, output, sources, error, 0L);
        }

        @Override
        public String key() {
            return runId;
        }

        /** The attempt this record is about (derived from the flat wire fields, which stay as they are). */
        public AttemptId attemptId() {
            return new AttemptId(runId, jobKey, attempt);
        }
    }

    /**
     * A worker is still running an attempt: extends its lease.
     *
     * @param schemaVersion 1
     * @param runId the run
     * @param jobKey the job key
     * @param attempt the attempt
     * @param workerId the worker
     * @param atMillis epoch ms
     */
    public record JobHeartbeat(int schemaVersion, String runId, String jobKey, int attempt, String workerId,
            long atMillis) implements ComposeEvent {
        public JobHeartbeat(AttemptId id, String workerId, long atMillis) {
            this(1, id.runId(), id.jobKey(), id.attempt(), workerId, atMillis);
        }

        @Override
        public String key() {
            return runId;
        }

        /** The attempt this record is about (derived from the flat wire fields, which stay as they are). */
        public AttemptId attemptId() {
            return new AttemptId(runId, jobKey, attempt);
        }
    }

    /**
     * Asks the worker running an attempt to stop it.
     *
     * @param schemaVersion 1
     * @param runId the run
     * @param jobKey the job key
     * @param attempt the attempt
     */
    public record JobCancelRequested(int schemaVersion, String runId, String jobKey, int attempt)
            implements ComposeEvent {
        public JobCancelRequested(AttemptId id) {
            this(1, id.runId(), id.jobKey(), id.attempt());
        }

        @Override
        public String key() {
            return runId;
        }

        /** The attempt this record is about (derived from the flat wire fields, which stay as they are). */
        public AttemptId attemptId() {
            return new AttemptId(runId, jobKey, attempt);
        }
    }

    /**
     * A retry or timeout timer of the scheduler became due; written to the runs topic so that replay sees it.
     *
     * @param schemaVersion 1
     * @param runId the run
     * @param jobKey the job key
     * @param attempt the attempt the timer belongs to
     * @param kind RETRY or TIMEOUT
     */
    public record TimerFired(int schemaVersion, String runId, String jobKey, int attempt, String kind)
            implements ComposeEvent {
        public TimerFired(AttemptId id, String kind) {
            this(1, id.runId(), id.jobKey(), id.attempt(), kind);
        }

        @Override
        public String key() {
            return runId;
        }

        /** The attempt this record is about (derived from the flat wire fields, which stay as they are). */
        public AttemptId attemptId() {
            return new AttemptId(runId, jobKey, attempt);
        }
    }

    /**
     * No heartbeat extended an attempt's lease in time: its worker is presumed dead and the job is dispatched again.
     *
     * @param schemaVersion 1
     * @param runId the run
     * @param jobKey the job key
     * @param attempt the attempt whose lease expired
     * @param pickedUp whether a worker had heartbeated for it (false: no worker was seen running it, e.g. its dispatch
     *     lapsed unread in a partition the group had not reassigned yet; absent in older records)
     */
    public record LeaseExpired(int schemaVersion, String runId, String jobKey, int attempt, Boolean pickedUp)
            implements ComposeEvent {
        public LeaseExpired {
            pickedUp = Boolean.TRUE.equals(pickedUp);
        }

        /** An expiry of an attempt no worker was seen running. */
        public LeaseExpired(AttemptId id) {
            this(id, false);
        }

        public LeaseExpired(AttemptId id, boolean pickedUp) {
            this(1, id.runId(), id.jobKey(), id.attempt(), Boolean.valueOf(pickedUp));
        }

        @Override
        public String key() {
            return runId;
        }

        /** The attempt this record is about (derived from the flat wire fields, which stay as they are). */
        public AttemptId attemptId() {
            return new AttemptId(runId, jobKey, attempt);
        }
    }
}
