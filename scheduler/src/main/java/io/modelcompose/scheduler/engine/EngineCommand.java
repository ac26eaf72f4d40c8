package io.modelcompose.scheduler.engine;

import io.modelcompose.shared.event.AttemptId;
import io.modelcompose.shared.event.RunSnapshot;
import java.time.Instant;
import java.util.Map;

/** What the engine asks its transport to do. */
public sealed interface EngineCommand {

    /** Run id the command belongs to. */
    String runId();

    /** A command about one attempt of a job. */
    sealed interface AttemptCommand extends EngineCommand {
        /** The attempt. */
        AttemptId id();

        @Override
        default String runId() {
            return id().runId();
        }

        default String jobKey() {
            return id().jobKey();
        }

        default int attempt() {
            return id().attempt();
        }
    }

    /**
     * Execute one attempt of a job on a worker.
     *
     * @param id the attempt (run, job key unique in the run, 1-based attempt number)
     * @param workflowId the workflow the job belongs to (a sub-workflow for nested jobs)
     * @param jobId the job id within its workflow
     * @param componentRef how the worker finds the component: a declared component id, or
     *     {@code <workflowId>/<jobId>} for a component written inline on a job
     * @param actionId the action id ({@code __default__} allowed)
     * @param input the rendered job input
     * @param context {@code {run_id, workflow_id, job_id, attempt}}
     * @param timeoutMillis per-attempt limit, 0 = none
     */
    record DispatchJob(AttemptId id, String workflowId, String jobId, String componentRef, String actionId,
            Object input, Map<String, Object> context, long timeoutMillis) implements AttemptCommand {
    }

    /** Stop a job attempt that is no longer wanted (run cancelled or failed, attempt timed out). */
    record CancelJob(AttemptId id) implements AttemptCommand {
    }

    /** Call {@link RunEngine#onTimer} at {@code dueAt}. */
    record ScheduleTimer(AttemptId id, TimerKind kind, Instant dueAt) implements AttemptCommand {
    }

    /** The run's visible state changed without ending: it waits for a person, or goes on after an answer. */
    record UpdateRun(String runId, RunSnapshot snapshot) implements EngineCommand {
    }

    /** The run reached a terminal status. */
    record FinishRun(String runId, RunSnapshot snapshot) implements EngineCommand {
    }

    /** Why a timer was set; DELAY ends the wait of a {@code delay} job. */
    enum TimerKind { RETRY, TIMEOUT, DELAY }
}
