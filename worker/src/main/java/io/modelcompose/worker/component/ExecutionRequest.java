package io.modelcompose.worker.component;

import io.modelcompose.shared.config.ActionSpec;
import java.nio.file.Path;
import java.util.Map;

/**
 * One attempt of a job, as a component executor sees it.
 *
 * @param runId the run
 * @param jobKey the job's key in the run
 * @param attempt 1-based attempt
 * @param action the resolved action with its templates
 * @param input the rendered job input
 * @param context {@code {run_id, workflow_id, job_id, attempt}}
 * @param env the resolved environment ({@code ${env.X}})
 * @param timeoutMillis time limit of the attempt, 0 = none
 * @param projectDir the project folder (relative working directories are resolved against it)
 */
public record ExecutionRequest(String runId, String jobKey, int attempt, ActionSpec action, Object input,
        Map<String, Object> context, Map<String, String> env, long timeoutMillis, Path projectDir) {

    /** The idempotency key an executor may send to external systems: the same on every attempt. */
    public String idempotencyKey() {
        return runId + "/" + jobKey;
    }
}
