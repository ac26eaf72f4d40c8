package io.modelcompose.shared.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What is known of one run at a moment: the shape of {@code GET /tasks/{id}}.
 *
 * @param runId the run id (the API's {@code task_id})
 * @param workflowId the workflow being run
 * @param status current status
 * @param output the run output once completed, else null
 * @param error a one-line error once failed or cancelled, else null
 * @param metadata the metadata given when the run was requested, or null
 * @param createdAtMillis when the run was accepted (epoch ms)
 * @param finishedAtMillis when it reached a terminal status (epoch ms), or 0
 * @param interrupt where the run waits for a person while {@code interrupted}, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSnapshot(
        String runId,
        String workflowId,
        RunStatus status,
        Object output,
        String error,
        Object metadata,
        long createdAtMillis,
        long finishedAtMillis,
        RunInterrupt interrupt) {

    /** A snapshot without an interrupt. */
    public RunSnapshot(String runId, String workflowId, RunStatus status, Object output, String error, Object metadata,
            long createdAtMillis, long finishedAtMillis) {
        this(runId, workflowId, status, output, error, metadata, createdAtMillis, finishedAtMillis, null);
    }

    /** A fresh pending run. */
    public static RunSnapshot pending(String runId, String workflowId, Object metadata, long nowMillis) {
        return new RunSnapshot(runId, workflowId, RunStatus.PENDING, null, null, metadata, nowMillis, 0L);
    }

    public RunSnapshot withStatus(RunStatus newStatus) {
        return new RunSnapshot(runId, workflowId, newStatus, output, error, metadata, createdAtMillis, finishedAtMillis);
    }

    /** Interrupted at {@code point}, or processing again when it is null. */
    public RunSnapshot interruptedAt(RunInterrupt point) {
        return new RunSnapshot(runId, workflowId, point == null ? RunStatus.PROCESSING : RunStatus.INTERRUPTED, output,
                error, metadata, createdAtMillis, finishedAtMillis, point);
    }

    public RunSnapshot finished(RunStatus terminal, Object result, String failure, long nowMillis) {
        return new RunSnapshot(runId, workflowId, terminal, result, failure, metadata, createdAtMillis, nowMillis);
    }
}
