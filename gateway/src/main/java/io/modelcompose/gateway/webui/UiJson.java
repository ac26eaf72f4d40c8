package io.modelcompose.gateway.webui;

import io.modelcompose.gateway.live.ClusterState;
import io.modelcompose.gateway.live.JobAttempt;
import io.modelcompose.gateway.live.RunTimeline;
import io.modelcompose.shared.config.ComponentConfig;
import io.modelcompose.shared.event.RunSnapshot;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.JobConfig;
import io.modelcompose.shared.config.WorkflowConfig;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON of the UI's own routes: task summaries, timelines, the cluster. Times are epoch milliseconds. */
final class UiJson {
    private UiJson() {
    }

    /** {@code {task_id, status, workflow_id, error?, created_at, finished_at?, elapsed?}}: no output (it may be big). */
    static JsonObject task(RunSnapshot run) {
        JsonObject task = new JsonObject()
                .put("task_id", run.runId())
                .put("status", run.status().wireName())
                .put("workflow_id", run.workflowId())
                .put("created_at", run.createdAtMillis());
        if (run.error() != null) {
            task.put("error", run.error().lines().findFirst().orElse(""));
        }
        if (run.finishedAtMillis() > 0) {
            task.put("finished_at", run.finishedAtMillis())
                    .put("elapsed", Math.max(0, run.finishedAtMillis() - run.createdAtMillis()));
        }
        return task;
    }

    static JsonArray tasks(List<RunSnapshot> runs) {
        JsonArray array = new JsonArray();
        runs.forEach(run -> array.add(task(run)));
        return array;
    }

    /** {@code {run_id, workflow_id, attempts: [...]}}, attempts in dispatch order. */
    static JsonObject timeline(RunTimeline timeline) {
        JsonArray attempts = new JsonArray();
        for (JobAttempt a : timeline.attempts()) {
            attempts.add(new JsonObject()
                    .put("job_id", a.jobId())
                    .put("job_key", a.jobKey())
                    .put("attempt", a.attempt())
                    .put("component", a.componentRef())
                    .put("worker_id", a.workerId())
                    .put("queued_at", a.queuedAtMillis())
                    .put("started_at", a.startedAtMillis() == 0 ? null : a.startedAtMillis())
                    .put("finished_at", a.finishedAtMillis() == 0 ? null : a.finishedAtMillis())
                    .put("outcome", a.outcome())
                    .put("error", a.error()));
        }
        return new JsonObject().put("run_id", timeline.runId()).put("workflow_id", timeline.workflowId())
                .put("now", System.currentTimeMillis()).put("attempts", attempts);
    }

    /**
     * Workers with their running attempts; every component (declared ones by id, inline ones as
     * {@code workflow/job}, as jobs name them) with its in-flight attempts and its limit.
     */
    static JsonObject cluster(ClusterState state, ComposeConfig config, Map<String, Long> runsByStatus) {
        JsonArray workers = new JsonArray();
        state.workers().forEach(w -> workers.add(new JsonObject().put("instance_id", w.instanceId())
                .put("last_seen", w.lastSeenMillis()).put("running_jobs", w.runningJobs())));
        Map<String, Integer> inFlight = new HashMap<>();
        state.components().forEach(c -> inFlight.put(c.componentRef(), c.inFlight()));
        Map<String, ComponentConfig> components = new LinkedHashMap<>();
        config.components().forEach(c -> components.put(c.id(), c));
        for (WorkflowConfig workflow : config.workflows()) {
            for (JobConfig job : workflow.jobs()) {
                if (job.component() != null && job.component().inline()) {
                    components.putIfAbsent(workflow.id() + "/" + job.id(), job.component());
                }
            }
        }
        JsonArray listed = new JsonArray();
        components.forEach((ref, component) -> listed.add(new JsonObject().put("component", ref)
                .put("type", component.type()).put("in_flight", inFlight.getOrDefault(ref, 0))
                .put("limit", component.maxConcurrentCount())));
        inFlight.forEach((ref, count) -> {
            if (!components.containsKey(ref)) {
                listed.add(new JsonObject().put("component", ref).put("in_flight", count).put("limit", 0));
            }
        });
        JsonObject runs = new JsonObject();
        runsByStatus.forEach(runs::put);
        return new JsonObject().put("workers", workers).put("components", listed).put("runs", runs);
    }
}
