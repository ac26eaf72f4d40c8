package io.modelcompose.gateway.http;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.event.RunSnapshot;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/** {@code GET /tasks/{task_id}}, {@code POST /tasks/{task_id}/cancel} and {@code POST /tasks/{task_id}/resume}. */
final class TaskRoutes {

    private final BackendCalls backend;
    private final RunStreams streams;
    private final long bodyLimitBytes;

    TaskRoutes(BackendCalls backend, RunStreams streams, long bodyLimitBytes) {
        this.backend = backend;
        this.streams = streams;
        this.bodyLimitBytes = bodyLimitBytes;
    }

    void mount(Router router, String basePath) {
        router.get(basePath + "/tasks/:task_id").handler(this::getTask);
        router.post(basePath + "/tasks/:task_id/cancel").handler(this::cancelTask);
        router.post(basePath + "/tasks/:task_id/resume").handler(BodyHandler.create(false)
                .setBodyLimit(bodyLimitBytes)).handler(this::resumeTask);
    }

    /** Answers an interrupt: 200 + the state ({@code processing}); 409 when not interrupted, 400 for another job. */
    private void resumeTask(RoutingContext rc) {
        String taskId = rc.pathParam("task_id");
        ResumeRequest request;
        try {
            request = ResumeRequest.parse(rc.body().buffer());
        } catch (ComposeException e) {
            rc.fail(e);
            return;
        }
        backend.resume(taskId, request.jobId(), request.answer())
                .recover(failure -> Future.failedFuture(explainNotFound(taskId, failure)))
                .onSuccess(run -> Replies.json(rc, 200, GatewayJson.snapshot(run)))
                .onFailure(rc::fail);
    }

    private void getTask(RoutingContext rc) {
        String taskId = rc.pathParam("task_id");
        boolean outputOnly = QueryFlags.flag(rc, "output_only");
        backend.get(taskId)
                .recover(failure -> Future.failedFuture(explainNotFound(taskId, failure)))
                .onSuccess(run -> {
                    if (outputOnly && run.status().isTerminal()) {
                        Replies.outputOnly(rc, run);
                    } else {
                        Replies.json(rc, outputOnly ? 202 : 200, streams.state(run));
                    }
                })
                .onFailure(rc::fail);
    }

    private void cancelTask(RoutingContext rc) {
        String taskId = rc.pathParam("task_id");
        backend.cancel(taskId)
                .recover(failure -> explainCancelFailure(taskId, failure))
                .onSuccess(run -> Replies.json(rc, 200, GatewayJson.snapshot(run)))
                .onFailure(rc::fail);
    }

    /** A conflict names the status the run finished with, whatever words the backend used. */
    private Future<RunSnapshot> explainCancelFailure(String taskId, Throwable failure) {
        if (!hasCode(failure, ErrorCode.CONFLICT)) {
            return Future.failedFuture(explainNotFound(taskId, failure));
        }
        return backend.get(taskId).transform(current -> {
            if (current.succeeded() && current.result().status().isTerminal()) {
                return Future.failedFuture(new ComposeException(ErrorCode.CONFLICT, "Task '" + taskId
                        + "' has already finished: " + current.result().status().wireName()));
            }
            return Future.failedFuture(failure);
        });
    }

    private static Throwable explainNotFound(String taskId, Throwable failure) {
        return hasCode(failure, ErrorCode.NOT_FOUND)
                ? new ComposeException(ErrorCode.NOT_FOUND, "Task '" + taskId + "' not found.")
                : failure;
    }

    private static boolean hasCode(Throwable failure, ErrorCode code) {
        return failure instanceof ComposeException ce && ce.code() == code;
    }
}
