package io.modelcompose.scheduler.engine;

import io.modelcompose.shared.config.JobConfig;
import io.modelcompose.shared.expr.Scope;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the expression scopes a job's templates are rendered in. */
final class JobScopes {
    private final String runId;
    private final Map<String, String> env;

    JobScopes(String runId, Map<String, String> env) {
        this.runId = runId;
        this.env = env;
    }

    Map<String, Object> context(WorkflowFrame frame, JobConfig job, int attempt) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("run_id", runId);
        context.put("workflow_id", frame.workflow.id());
        context.put("job_id", job.id());
        context.put("attempt", attempt);
        return context;
    }

    /** Scope of a job's {@code input}: run input, previous output, finished jobs, context, env. */
    Scope inputScope(WorkflowFrame frame, JobConfig job, int attempt) {
        Map<String, Object> sources = new HashMap<>();
        sources.put("input", frame.input);
        sources.put("output", frame.previousOutput(job));
        sources.put("jobs", frame.jobsSource());
        sources.put("context", context(frame, job, attempt));
        sources.put("env", env);
        return Scope.of(sources, frame.finishedOutputs);
    }

    /** Scope of a job's {@code output} mapping: the component's result sources, with {@code output} = the result. */
    Scope outputScope(WorkflowFrame frame, JobConfig job, int attempt, Object result, Map<String, Object> resultSources) {
        Map<String, Object> sources = new HashMap<>();
        sources.put("input", frame.input);
        sources.put("jobs", frame.jobsSource());
        sources.put("context", context(frame, job, attempt));
        sources.put("env", env);
        sources.put("result", result);
        if (resultSources != null) {
            sources.putAll(resultSources);
        }
        sources.put("output", result);
        // No finished-job lookup here: in an output mapping ${output.x} is a field of this job's own result.
        return Scope.of(sources);
    }

    /** Scope of a workflow-level {@code output} mapping; {@code output} is the default run output. */
    Scope workflowOutputScope(WorkflowFrame frame) {
        Map<String, Object> sources = new HashMap<>();
        sources.put("input", frame.input);
        sources.put("jobs", frame.jobsSource());
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("run_id", runId);
        context.put("workflow_id", frame.workflow.id());
        sources.put("context", context);
        sources.put("env", env);
        sources.put("output", frame.terminalOutput());
        return Scope.of(sources, frame.finishedOutputs);
    }
}
