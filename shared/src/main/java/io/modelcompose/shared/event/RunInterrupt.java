package io.modelcompose.shared.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a run waits for a person: the {@code interrupt} of upstream's task JSON.
 *
 * @param jobId the interrupted job's id (what a resume must name)
 * @param runId the run
 * @param phase {@code before} (the answer replaces the job's input) or {@code after} (its output)
 * @param message the rendered message, or null
 * @param metadata the rendered metadata, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunInterrupt(@JsonProperty("job_id") String jobId, @JsonProperty("run_id") String runId, String phase,
        String message, Object metadata) {
    public static final String BEFORE = "before";
    public static final String AFTER = "after";
}
