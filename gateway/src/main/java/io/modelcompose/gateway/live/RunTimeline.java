package io.modelcompose.gateway.live;

import java.util.List;

/**
 * The job attempts of one run, in the order they were dispatched.
 *
 * @param runId the run
 * @param workflowId its workflow
 * @param attempts every attempt seen
 */
public record RunTimeline(String runId, String workflowId, List<JobAttempt> attempts) {
    public RunTimeline {
        attempts = List.copyOf(attempts);
    }
}
