package io.modelcompose.gateway.run;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.event.RunSnapshot;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where the gateway starts runs and learns their outcome (over Kafka in production, in memory in tests).
 *
 * <p>Futures may complete on any thread; the gateway moves back to its own context before answering. Failures are
 * {@link ComposeException}s: {@link ErrorCode#QUEUE_FULL} (HTTP 429), {@link ErrorCode#UNAVAILABLE} (503),
 * {@link ErrorCode#NOT_FOUND} (404), {@link ErrorCode#CONFLICT} (409); anything else answers 500.
 */
public interface RunBackend {

    /**
     * Accepts a run. Answers its pending snapshot or, when a run with the same id exists already (a repeated
     * {@code Idempotency-Key}), that run's current snapshot without starting another.
     */
    Future<RunSnapshot> submit(RunSubmission submission);

    /** Completes once the run is completed, failed or cancelled (at once if it already is). */
    Future<RunSnapshot> awaitTerminal(String runId);

    /**
     * Completes once the run is completed, failed, cancelled or waits for a person ({@code interrupted}): where a
     * synchronous run request stops waiting, as upstream's does.
     */
    default Future<RunSnapshot> awaitSettled(String runId) {
        return awaitTerminal(runId);
    }

    /**
     * Answers the run's interrupt at job {@code jobId} ({@code answer} null: go on unchanged) and returns its snapshot,
     * {@code processing} again; fails with {@link ErrorCode#NOT_FOUND} if unknown, {@link ErrorCode#CONFLICT} if it is
     * not interrupted and {@link ErrorCode#BAD_REQUEST} if the interrupt is at another job.
     */
    default Future<RunSnapshot> resume(String runId, String jobId, Object answer) {
        return Future.failedFuture(new ComposeException(ErrorCode.UNAVAILABLE, "this gateway cannot resume runs"));
    }

    /** The run's current snapshot; fails with {@link ErrorCode#NOT_FOUND} if the run is unknown. */
    Future<RunSnapshot> get(String runId);

    /**
     * Cancels the run and answers its snapshot (status {@code cancelled}); fails with {@link ErrorCode#NOT_FOUND}
     * if unknown and {@link ErrorCode#CONFLICT} if it has already finished.
     */
    Future<RunSnapshot> cancel(String runId);

    /**
     * Named readiness checks for {@code GET /readiness}. A check that succeeds is UP with its JSON as details; one
     * that fails is DOWN with the failure's message as detail.
     */
    Map<String, Supplier<Future<JsonObject>>> readinessChecks();
}
