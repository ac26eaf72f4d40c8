package io.modelcompose.shared.event;

import java.util.Objects;

/**
 * One attempt of one job of one run: the identity that leases, slots, results and cancels are keyed by. An attempt
 * that replaces a lost or failed one has a higher number, so a late result of the older one is recognised and ignored.
 *
 * @param runId the run
 * @param jobKey the job's key in the run ({@code job}, or {@code parent/child} inside a sub-workflow)
 * @param attempt 1-based attempt (delivery) number
 */
public record AttemptId(String runId, String jobKey, int attempt) {
    public AttemptId {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(jobKey, "jobKey");
    }

    @Override
    public String toString() {
        return runId + "/" + jobKey + "#" + attempt;
    }
}
