package io.modelcompose.worker.component;

import io.modelcompose.shared.config.QueueConfig;
import io.modelcompose.shared.config.RemoteWorkflowAction;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.event.RunEvents.RunRequested;
import io.modelcompose.shared.event.RunIds;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.RunStatus;
import io.modelcompose.shared.expr.Scope;
import io.modelcompose.shared.expr.Templates;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs a {@link RemoteWorkflowAction}: the job's attempt becomes one run on the queue subscriber's set, whose id is
 * derived from the attempt (a re-delivered attempt asks for the same run, which that set ignores as a repeat), and
 * the job ends with that run's output or error. Cancelling the job cancels the run; the wait is bounded by the job's
 * timeout, else the queue's.
 */
public final class RemoteRunExecutor implements ComponentExecutor {
    private final Vertx vertx;
    private final RemoteRuns runs;

    public RemoteRunExecutor(Vertx vertx, RemoteRuns runs) {
        this.vertx = vertx;
        this.runs = runs;
    }

    @Override
    public Future<ComponentResult> execute(ExecutionRequest request, CancelSignal cancel) {
        RemoteWorkflowAction action = (RemoteWorkflowAction) request.action();
        QueueConfig queue = action.queue();
        String runId = remoteRunId(request.runId(), request.jobKey(), request.attempt());
        RunRequested run = new RunRequested(runId, action.workflow(), remoteInput(action, request),
                Map.of("dispatched_by", request.idempotencyKey()), System.currentTimeMillis());
        Context context = vertx.getOrCreateContext();
        Promise<ComponentResult> outcome = Promise.promise();
        long limit = request.timeoutMillis() > 0 ? request.timeoutMillis() : queue.timeout().toMillis();
        long timer = limit <= 0 ? -1 : vertx.setTimer(limit, id -> {
            if (outcome.future().isComplete()) {
                return;
            }
            // the remote run is cancelled and forgotten before the job fails, so whoever sees the failure sees both
            runs.cancel(queue, runId);
            runs.forget(queue, runId);
            outcome.tryFail(new ComposeException(ErrorCode.TIMEOUT, "remote run " + runId + " of workflow '"
                    + action.workflow() + "' did not finish within " + limit + " ms"));
        });
        cancel.onCancel(() -> runs.cancel(queue, runId));
        runs.run(queue, run).whenComplete((snapshot, failure) -> context.runOnContext(v -> {
            vertx.cancelTimer(timer);
            if (failure != null) {
                outcome.tryFail(new ComposeException(ErrorCode.UNAVAILABLE, "cannot reach queue '" + queue.name()
                        + "': " + ComposeException.wrap(failure).getMessage()));
            } else {
                complete(outcome, action.workflow(), snapshot);
            }
        }));
        return outcome.future();
    }

    /**
     * The id of the remote run of one attempt: the same for the same attempt on any worker, another for the next
     * attempt (a retry runs the workflow again, as a sub-workflow's retry does).
     */
    public static String remoteRunId(String runId, String jobKey, int attempt) {
        return RunIds.fromIdempotencyKey("queue", runId + "/" + jobKey + "#" + attempt);
    }

    /** The job's result from the remote run's final state: its output, or a failure that carries its error. */
    static ComponentResult outcome(String workflow, RunSnapshot snapshot) {
        if (snapshot.status() == RunStatus.COMPLETED) {
            return new ComponentResult(snapshot.output(), Map.of());
        }
        String what = "remote run " + snapshot.runId() + " of workflow '" + workflow + "'";
        if (snapshot.status() == RunStatus.CANCELLED) {
            throw new ComposeException(ErrorCode.CANCELLED, what + " was cancelled");
        }
        throw new ComposeException(ErrorCode.COMPONENT_FAILED, what + " failed: " + snapshot.error());
    }

    private static void complete(Promise<ComponentResult> outcome, String workflow, RunSnapshot snapshot) {
        try {
            outcome.tryComplete(outcome(workflow, snapshot));
        } catch (ComposeException e) {
            outcome.tryFail(e);
        }
    }

    private static Object remoteInput(RemoteWorkflowAction action, ExecutionRequest request) {
        if (action.input() == null) {
            return request.input();
        }
        Map<String, Object> sources = new HashMap<>();
        sources.put("input", request.input());
        sources.put("context", request.context());
        sources.put("env", request.env());
        return Templates.render(action.input(), Scope.of(sources));
    }
}
