package io.modelcompose.shared.config;

import java.util.List;
import java.util.Optional;

/**
 * A workflow: jobs wired by dependencies and expressions.
 *
 * @param id workflow id ({@code __workflow__} when omitted)
 * @param title optional title
 * @param description optional description
 * @param isDefault marked {@code default: true}
 * @param jobs the jobs in file order, with implicit dependencies already made explicit
 * @param output the workflow-level output template, or null
 * @param location where the workflow was declared
 */
public record WorkflowConfig(
        String id,
        String title,
        String description,
        boolean isDefault,
        List<JobConfig> jobs,
        Object output,
        SourceLocation location) {

    public WorkflowConfig {
        jobs = List.copyOf(jobs);
    }

    public Optional<JobConfig> job(String jobId) {
        return jobs.stream().filter(j -> j.id().equals(jobId)).findFirst();
    }
}
