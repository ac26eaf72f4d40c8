package io.modelcompose.shared.config;

import io.modelcompose.shared.config.tree.SourceLocation;
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
 * @param name the name upstream gives MCP tools, or null
 * @param isPrivate {@code private: true}: not listed and not runnable over HTTP, still callable as a sub-workflow
 */
public record WorkflowConfig(
        String id,
        String title,
        String description,
        boolean isDefault,
        List<JobConfig> jobs,
        Object output,
        SourceLocation location,
        String name,
        boolean isPrivate) {

    public WorkflowConfig {
        jobs = List.copyOf(jobs);
    }

    /** A public workflow without a name. */
    public WorkflowConfig(String id, String title, String description, boolean isDefault, List<JobConfig> jobs,
            Object output, SourceLocation location) {
        this(id, title, description, isDefault, jobs, output, location, null, false);
    }

    public Optional<JobConfig> job(String jobId) {
        return jobs.stream().filter(j -> j.id().equals(jobId)).findFirst();
    }
}
