package io.modelcompose.scheduler.engine;

import io.modelcompose.shared.event.RunSnapshot;
import java.time.Instant;
import java.util.Map;

/** What the engine asks its transport to do. */
public sealed interface EngineCommand {

    /** Run id the command belongs to. */
    String runId();

    /**
     * Execute one attempt of a job on a worker.
     *
     * @param runId the run
     * @param workflowId the workflow the job belongs to (a sub-workflow for nested jobs)
     * @param jobKey unique key of the job in the run ({@code job} or {@code parent/child} for sub-workflows)
     * @param jobId the job id within its workflow
     * @param attempt 1-based attempt number
     * @param componentRef how the worker finds the component: a declared component id, or
     *     {@code <workflowId>/<jobId>} for a component written inline on a job
     * @param actionId the action id ({@code __default__} allowed)
     * @param input the rendered job input
     * @param context {@code {run_id, workflow_id, job_id, attempt}}
     * @param timeoutMillis per-attempt limit, 0 = none
     */
    record DispatchJob(String runId, String workflowId, String jobKey, String jobId, int attempt, String componentRef,
            String actionId, Object input, Map<String, Object> context, long timeoutMillis) implements EngineCommand {
    }

    /** Stop a job attempt that is no longer wanted (run cancelled or failed, attempt timed out). */
    record CancelJob(String runId, String jobKey, int attempt) implements EngineCommand {
    }

    /** Call {@link RunEngine#onTimer} at {@code dueAt}. */
    record ScheduleTimer(String runId, String jobKey, int attempt, TimerKind kind, Instant dueAt)
            implements EngineCommand {
    }

    /** The run reached a terminal status. */
    record FinishRun(String runId, RunSnapshot snapshot) implements EngineCommand {
    }

    /** Why a timer was set; DELAY ends the wait of a {@code delay} job. */
    enum TimerKind { RETRY, TIMEOUT, DELAY }
}
