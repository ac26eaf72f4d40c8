package io.modelcompose.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;

/**
 * The body of {@code POST /tasks/{task_id}/resume}: upstream's {@code {job_id, run_id?, answer?}}. Unknown fields are
 * ignored, as upstream does.
 *
 * @param jobId the job whose interrupt is answered (required)
 * @param answer null goes on unchanged; anything else replaces the job's input (paused before) or output (after)
 */
record ResumeRequest(String jobId, Object answer) {

    static ResumeRequest parse(Buffer body) {
        if (body == null || body.length() == 0) {
            throw RunRequest.invalid("expected a JSON object with job_id, got no body");
        }
        JsonNode root = RunRequest.readTree(body);
        if (!root.isObject()) {
            throw RunRequest.invalid("expected a JSON object, got " + RunRequest.describe(root));
        }
        String jobId = RunRequest.text(root, "job_id");
        if (jobId == null) {
            throw RunRequest.invalid("job_id is required (the job_id of the task's interrupt)");
        }
        RunRequest.text(root, "run_id"); // optional; one run per task here, but it must be a string when given
        return new ResumeRequest(jobId, RunRequest.plain(root, "answer"));
    }
}
