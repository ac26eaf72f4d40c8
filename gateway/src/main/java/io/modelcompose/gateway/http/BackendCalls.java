package io.modelcompose.gateway.http;

import io.modelcompose.gateway.run.RunBackend;
import io.modelcompose.gateway.run.RunSubmission;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.event.RunSnapshot;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;

/**
 * Calls the backend from a route and brings the outcome back to the caller's context, whatever thread completes
 * the backend's future; a backend that throws instead of failing its future is turned into a failed future.
 */
final class BackendCalls {
    private final RunBackend backend;

    BackendCalls(RunBackend backend) {
        this.backend = backend;
    }

    Future<RunSnapshot> submit(RunSubmission submission) {
        return call(() -> backend.submit(submission));
    }

    Future<RunSnapshot> awaitTerminal(String runId) {
        return call(() -> backend.awaitTerminal(runId));
    }

    Future<RunSnapshot> awaitSettled(String runId) {
        return call(() -> backend.awaitSettled(runId));
    }

    Future<RunSnapshot> resume(String runId, String jobId, Object answer) {
        return call(() -> backend.resume(runId, jobId, answer));
    }

    Future<RunSnapshot> get(String runId) {
        return call(() -> backend.get(runId));
    }

    Future<RunSnapshot> cancel(String runId) {
        return call(() -> backend.cancel(runId));
    }

    Future<JsonObject> check(Supplier<Future<JsonObject>> check) {
        return call(check);
    }

    private static <T> Future<T> call(Supplier<Future<T>> operation) {
        Context caller = Vertx.currentContext();
        Future<T> result;
        try {
            result = operation.get();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        if (result == null) {
            return Future.failedFuture(new ComposeException(ErrorCode.INTERNAL, "The run backend gave no answer."));
        }
        return caller == null ? result : onContext(caller, result);
    }

    private static <T> Future<T> onContext(Context caller, Future<T> result) {
        Promise<T> promise = Promise.promise();
        result.onComplete(outcome -> {
            if (Vertx.currentContext() == caller) {
                promise.handle(outcome);
            } else {
                caller.runOnContext(ignored -> promise.handle(outcome));
            }
        });
        return promise.future();
    }
}
