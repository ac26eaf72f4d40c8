package io.modelcompose.shared.config;

import io.modelcompose.shared.config.tree.SourceLocation;
import java.time.Duration;
import java.util.List;

/**
 * A job of a workflow.
 *
 * @param id job id ({@code __job__} when omitted)
 * @param component the component this job runs: a declared component or, for an inline job such as
 *     {@code component: shell} + {@code command:}, a component built from the job's own fields
 * @param action the action id of the component, or {@code __default__}
 * @param input the input template; null means the run input
 * @param output the output mapping template; null means the component result itself
 * @param dependsOn dependency groups; each group is satisfied when any one of its jobs has completed, and all groups
 *     must be satisfied. Implicit order is already applied: a job written without {@code depends_on} depends on the
 *     job just before it. Empty = starts with the run.
 * @param retry retry policy ({@link RetryConfig#NONE} when not set)
 * @param timeout per-attempt time limit, or null
 * @param location where the job was declared
 * @param options job type, flow, name, run limits and error handling ({@link JobOptions#DEFAULT} for a plain
 *     component job)
 */
public record JobConfig(
        String id,
        ComponentConfig component,
        String action,
        Object input,
        Object output,
        List<List<String>> dependsOn,
        RetryConfig retry,
        Duration timeout,
        SourceLocation location,
        JobOptions options) {

    public JobConfig {
        dependsOn = dependsOn.stream().map(List::copyOf).toList();
        options = options == null ? JobOptions.DEFAULT : options;
    }

    /** A plain component job. */
    public JobConfig(String id, ComponentConfig component, String action, Object input, Object output,
            List<List<String>> dependsOn, RetryConfig retry, Duration timeout, SourceLocation location) {
        this(id, component, action, input, output, dependsOn, retry, timeout, location, JobOptions.DEFAULT);
    }

    /** The flow of a job that is not a component job, or null. */
    public JobFlow flow() {
        return options.flow();
    }
}
