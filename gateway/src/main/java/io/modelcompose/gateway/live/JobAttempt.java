package io.modelcompose.gateway.live;

/**
 * One attempt of one job of a run, as its events went by.
 *
 * @param jobKey the job's key in the run
 * @param jobId the job id
 * @param attempt 1-based attempt number
 * @param componentRef the component the attempt runs
 * @param workerId the worker that ran it (known from its first heartbeat or its result), or null
 * @param queuedAtMillis when it was dispatched (epoch ms)
 * @param startedAtMillis when a worker began it, or 0 while not known
 * @param finishedAtMillis when it ended (result or lease expiry), or 0 while it goes on
 * @param outcome {@code queued}, {@code running}, {@code completed}, {@code failed} or {@code lease-expired}
 * @param error the one-line error of a failed attempt, or null
 */
public record JobAttempt(String jobKey, String jobId, int attempt, String componentRef, String workerId,
        long queuedAtMillis, long startedAtMillis, long finishedAtMillis, String outcome, String error) {
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String LEASE_EXPIRED = "lease-expired";

    /** True while the attempt has not ended. */
    public boolean inFlight() {
        return finishedAtMillis == 0;
    }

    JobAttempt running(String worker, long startedAt) {
        if (!inFlight()) {
            return this;
        }
        long start = startedAtMillis == 0 ? startedAt : Math.min(startedAtMillis, startedAt);
        return new JobAttempt(jobKey, jobId, attempt, componentRef, worker, queuedAtMillis, start, 0, RUNNING, null);
    }

    JobAttempt ended(String worker, long startedAt, long finishedAt, String endOutcome, String failure) {
        long start = startedAt > 0 ? startedAt : startedAtMillis;
        return new JobAttempt(jobKey, jobId, attempt, componentRef, worker != null ? worker : workerId,
                queuedAtMillis, start, finishedAt, endOutcome, failure);
    }
}
