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
    /** Finished routing jobs: their (null) output is no run result. */
    private final Set<String> routingDone = new HashSet<>();
    /** Set once the frame completed or failed; later events for it are ignored. */
    boolean closed;

    WorkflowFrame(WorkflowConfig workflow, Object input, String keyPrefix, JobState parentJob) {
        this.workflow = workflow;
        this.input = input;
        this.keyPrefix = keyPrefix;
        this.parentJob = parentJob;
        Set<String> targets = new HashSet<>();
        for (JobConfig job : workflow.jobs()) {
            jobs.put(job.id(), new JobState(job, keyPrefix + job.id(), this));
            job.dependsOn().forEach(dependedOn::addAll);
            targets.addAll(job.options().routingTargets());
        }
        targets.stream().map(jobs::get).filter(java.util.Objects::nonNull).forEach(j -> j.routable = true);
    }

    /** Jobs that are pending (not a routing target, or routed to), waiting, and whose dependencies are met. */
    List<JobState> readyJobs() {
        List<JobState> ready = new ArrayList<>();
        for (JobState state : jobs.values()) {
            if (isReady(state)) {
                ready.add(state);
            }
        }
        return ready;
    }

    /** The first ready job in file order, or null. */
    JobState nextReady() {
        for (JobState state : jobs.values()) {
            if (isReady(state)) {
                return state;
            }
        }
        return null;
    }

    private boolean isReady(JobState state) {
        return state.phase == JobState.Phase.WAITING && isPending(state) && dependenciesMet(state.job);
    }

    private static boolean isPending(JobState state) {
        return !state.routable || state.routed;
    }

    /** A routing job finished: its dependents may start; its output (null) is not a run result. */
    void recordRouted(JobState state) {
        recordSuccess(state, null);
        routingDone.add(state.job.id());
    }

    /**
     * Routing back to a finished job: it and every finished job that depends on it (transitively), and the router
     * itself when it is among them, go back to waiting with their outputs dropped, as upstream's scheduler does.
     *
     * @return true when the router itself was rewound
     */
    boolean rewind(JobState target, JobState router) {
        Set<String> rewound = new java.util.LinkedHashSet<>();
        java.util.Deque<String> queue = new java.util.ArrayDeque<>(List.of(target.job.id()));
        while (!queue.isEmpty()) {
            String id = queue.poll();
            JobState state = jobs.get(id);
            boolean candidate = state.phase == JobState.Phase.SUCCEEDED || state == router;
            if (!candidate || !rewound.add(id)) {
                continue;
            }
            for (JobState other : jobs.values()) {
                if (other.job.dependsOn().stream().anyMatch(group -> group.contains(id))) {
                    queue.add(other.job.id());
                }
            }
        }
        for (String id : rewound) {
            JobState state = jobs.get(id);
            state.phase = JobState.Phase.WAITING;
            state.output = null;
            state.routed = state.routable;
            finishedOutputs.remove(id);
            finishOrder.remove(id);
            routingDone.remove(id);
        }
        return rewound.contains(router.job.id());
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
        finishOrder.remove(state.job.id());
        finishOrder.add(state.job.id());
    }

    /** Every pending job (not an un-routed routing target) has succeeded. */
    boolean isComplete() {
        return jobs.values().stream().filter(WorkflowFrame::isPending)
                .allMatch(j -> j.phase == JobState.Phase.SUCCEEDED);
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
            if (dependedOn.contains(id) || routingDone.contains(id)) {
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
