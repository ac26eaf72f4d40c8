package io.modelcompose.gateway.run;

/**
 * A run the gateway asks the backend to start.
 *
 * @param runId the run id (the API's {@code task_id}); derived from the {@code Idempotency-Key} when one was sent
 * @param workflowId the resolved workflow id (never {@code __default__})
 * @param input the request's {@code input} as plain JSON values (maps, lists, strings, numbers, booleans), or null
 * @param metadata the request's {@code metadata} as plain JSON values, or null
 * @param claim the {@code Idempotency-Key} and body fingerprint, or null when no key was sent
 */
public record RunSubmission(String runId, String workflowId, Object input, Object metadata, IdempotencyClaim claim) {
    /** A submission without an {@code Idempotency-Key}. */
    public RunSubmission(String runId, String workflowId, Object input, Object metadata) {
        this(runId, workflowId, input, metadata, null);
    }
}
