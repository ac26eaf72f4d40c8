package io.modelcompose.scheduler.engine;

import io.modelcompose.shared.config.JobConfig;
import io.modelcompose.shared.config.WorkflowConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One workflow being walked inside a run: the top-level workflow, or a sub-workflow started by a job. */
final class WorkflowFrame {
    final WorkflowConfig workflow;
    final Object input;
    final String keyPrefix;
    /** The job of the enclosing frame that runs this sub-workflow; null at top level. */
    final JobState parentJob;
    final Map<String, JobState> jobs = new LinkedHashMap<>();
    final Map<String, Object> finishedOutputs = new LinkedHashMap<>();
    private final Set<String> dependedOn = new HashSet<>();
    private final List<String> finishOrder = new ArrayList<>();
    /** Set once the frame completed or failed; later events for it are ignored. */
    boolean closed;

    WorkflowFrame(WorkflowConfig workflow, Object input, String keyPrefix, JobState parentJob) {
        this.workflow = workflow;
        this.input = input;
        this.keyPrefix = keyPrefix;
        this.parentJob = parentJob;
        for (JobConfig job : workflow.jobs()) {
            jobs.put(job.id(), new JobState(job, keyPrefix + job.id(), this));
            job.dependsOn().forEach(dependedOn::addAll);
        }
    }

    /** Jobs that are waiting and whose every dependency group has a succeeded job. */
    List<JobState> readyJobs() {
        List<JobState> ready = new ArrayList<>();
        for (JobState state : jobs.values()) {
            if (state.phase == JobState.Phase.WAITING && dependenciesMet(state.job)) {
                ready.add(state);
            }
        }
        return ready;
    }

    private boolean dependenciesMet(JobConfig job) {
        for (List<String> group : job.dependsOn()) {
            if (group.stream().noneMatch(finishedOutputs::containsKey)) {
                return false;
            }
        }
        return true;
    }

    void recordSuccess(JobState state, Object output) {
        state.phase = JobState.Phase.SUCCEEDED;
        state.output = output;
        finishedOutputs.put(state.job.id(), output);
        finishOrder.add(state.job.id());
    }

    boolean isComplete() {
        return jobs.values().stream().allMatch(j -> j.phase == JobState.Phase.SUCCEEDED);
    }

    boolean hasActiveJobs() {
        return jobs.values().stream().anyMatch(JobState::isActive);
    }

    /** The output a job sees as {@code ${output}}: that of its dependency that finished last. */
    Object previousOutput(JobConfig job) {
        Set<String> deps = new HashSet<>();
        job.dependsOn().forEach(deps::addAll);
        for (int i = finishOrder.size() - 1; i >= 0; i--) {
            String id = finishOrder.get(i);
            if (deps.contains(id)) {
                return finishedOutputs.get(id);
            }
        }
        return null;
    }

    /**
     * The default run output: the output of the last job to finish among jobs nothing depends on; when several such
     * jobs produced objects, the objects are merged in finish order.
     */
    Object terminalOutput() {
        Map<String, Object> merged = new LinkedHashMap<>();
        Object last = null;
        boolean any = false;
        boolean allMaps = true;
        for (String id : finishOrder) {
            if (dependedOn.contains(id)) {
                continue;
            }
            Object out = finishedOutputs.get(id);
            any = true;
            last = out;
            if (out instanceof Map<?, ?> map) {
                map.forEach((k, v) -> merged.put(String.valueOf(k), v));
            } else {
                allMaps = false;
            }
        }
        return any && allMaps ? merged : last;
    }

    /** A map {@code {<job id>: {output: ...}}} of finished jobs, the {@code jobs} expression source. */
    Map<String, Object> jobsSource() {
        Map<String, Object> jobsMap = new LinkedHashMap<>();
        finishedOutputs.forEach((id, out) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("output", out);
            jobsMap.put(id, entry);
        });
        return jobsMap;
    }
}
