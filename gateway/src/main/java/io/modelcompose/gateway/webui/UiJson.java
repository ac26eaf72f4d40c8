package io.modelcompose.gateway.webui;

import io.modelcompose.gateway.live.ClusterState;
import io.modelcompose.gateway.live.JobAttempt;
import io.modelcompose.gateway.live.RunTimeline;
import io.modelcompose.shared.config.ComponentConfig;
import io.modelcompose.shared.event.RunSnapshot;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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

    /** Workers with their running attempts; components with their in-flight attempts and their limit. */
    static JsonObject cluster(ClusterState state, List<ComponentConfig> declared, Map<String, Long> runsByStatus) {
        JsonArray workers = new JsonArray();
        state.workers().forEach(w -> workers.add(new JsonObject().put("instance_id", w.instanceId())
                .put("last_seen", w.lastSeenMillis()).put("running_jobs", w.runningJobs())));
        JsonArray components = new JsonArray();
        Map<String, Integer> inFlight = new java.util.HashMap<>();
        state.components().forEach(c -> inFlight.put(c.componentRef(), c.inFlight()));
        for (ComponentConfig component : declared) {
            components.add(new JsonObject().put("component", component.id()).put("type", component.type())
                    .put("in_flight", inFlight.getOrDefault(component.id(), 0))
                    .put("limit", component.maxConcurrentCount()));
            inFlight.remove(component.id());
        }
        inFlight.forEach((ref, count) -> components.add(new JsonObject().put("component", ref)
                .put("in_flight", count).put("limit", 0)));
        JsonObject runs = new JsonObject();
        runsByStatus.forEach(runs::put);
        return new JsonObject().put("workers", workers).put("components", components).put("runs", runs);
    }
}
