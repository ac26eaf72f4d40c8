package io.modelcompose.scheduler.engine;

import io.modelcompose.shared.config.JobInterrupts;
import io.modelcompose.shared.event.RunInterrupt;
import io.modelcompose.shared.expr.Scope;
import io.modelcompose.shared.expr.Templates;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The jobs of a run that wait for a person, in the order they stopped; the first is the one the run shows and the one
 * a resume answers (as upstream, one at a time). Also renders a pause: its condition, message and metadata see
 * {@code job.input} and, after the component, {@code job.output}.
 */
final class Interrupts {
    private final Map<JobState, RunInterrupt> waiting = new LinkedHashMap<>();

    /**
     * Where {@code job} stops at {@code phase}, or null when it goes on (no pause there, or its condition does not
     * hold).
     */
    static RunInterrupt reach(JobInterrupts.Point point, String runId, JobState job, String phase, Scope scope,
            Object input, Object output) {
        if (point == null) {
            return null;
        }
        Map<String, Object> jobSource = new HashMap<>();
        jobSource.put("input", input);
        if (RunInterrupt.AFTER.equals(phase)) {
            jobSource.put("output", output);
        }
        Scope withJob = scope.with(Map.of("job", jobSource));
        JobInterrupts.Condition condition = point.condition();
        if (condition != null && !Conditions.holds(condition.operator(), Templates.render(condition.input(), withJob),
                Templates.render(condition.value(), withJob))) {
            return null;
        }
        Object message = point.message() == null ? null : Templates.render(point.message(), withJob);
        Object metadata = point.metadata() == null ? null : Templates.render(point.metadata(), withJob);
        return new RunInterrupt(job.job.id(), runId, phase, message == null ? null : String.valueOf(message), metadata);
    }

    void stopped(JobState job, RunInterrupt point) {
        waiting.put(job, point);
    }

    /** The pause shown now, after dropping jobs that no longer wait (their workflow failed or was cancelled). */
    RunInterrupt shown() {
        Iterator<Map.Entry<JobState, RunInterrupt>> it = waiting.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<JobState, RunInterrupt> e = it.next();
            if (e.getKey().phase != JobState.Phase.INTERRUPTED) {
                it.remove();
            } else {
                return e.getValue();
            }
        }
        return null;
    }

    /** Takes the job waiting at the shown pause when {@code jobId} names it (a stale or wrong answer changes nothing). */
    JobState answer(String jobId) {
        RunInterrupt shown = shown();
        if (shown == null || jobId != null && !jobId.equals(shown.jobId())) {
            return null;
        }
        JobState job = waiting.keySet().iterator().next();
        waiting.remove(job);
        return job;
    }
}
