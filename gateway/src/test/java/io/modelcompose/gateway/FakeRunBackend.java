package io.modelcompose.gateway;

import io.modelcompose.gateway.run.RunBackend;
import io.modelcompose.gateway.run.RunSubmission;
import io.modelcompose.gateway.stream.ChunkBook;
import io.modelcompose.gateway.stream.ChunkLimits;
import io.modelcompose.gateway.stream.ChunkSource;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.RunStatus;
import io.modelcompose.shared.event.StreamEvents.JobChunk;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * An in-memory backend. Runs of workflow {@code echo} complete shortly with {@code {"echo": input}}, runs of
 * {@code broken} fail shortly with a (multi-line) error, other runs wait until the test finishes them. Chunks the test
 * {@link #emit emits} go to the gateway's chunk book and to an in-memory "topic" that the book can read again.
 */
public final class FakeRunBackend implements RunBackend, ChunkSource {
    public static final String BROKEN_ERROR = "component 'api' failed: HTTP 500\n\tat io.example.Api.call(Api.java:12)";
    private static final long AUTO_FINISH_DELAY_MS = 20;

    private final Vertx vertx;
    private final Map<String, RunSnapshot> runs = new ConcurrentHashMap<>();
    private final Map<String, Promise<RunSnapshot>> finished = new ConcurrentHashMap<>();
    private final List<RunSubmission> submissions = new CopyOnWriteArrayList<>();
    private final Map<String, Supplier<Future<JsonObject>>> checks = new LinkedHashMap<>();
    private volatile RuntimeException refusal;
    private volatile RuntimeException getFailure;
    private final List<JobChunk> chunkTopic = new CopyOnWriteArrayList<>();
    private final ChunkBook book = new ChunkBook(ChunkLimits.defaults(),
            (runId, since) -> Future.succeededFuture(chunkTopic.stream().filter(c -> c.runId().equals(runId)).toList()),
            new ChunkBook.RunLookup() {
                @Override
                public long createdAtMillis(String runId) {
                    RunSnapshot run = runs.get(runId);
                    return run == null ? -1 : run.createdAtMillis();
                }

                @Override
                public boolean hasEnded(String runId) {
                    RunSnapshot run = runs.get(runId);
                    return run != null && run.status().isTerminal();
                }
            }, 0);

    public FakeRunBackend(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public Future<RunSnapshot> submit(RunSubmission submission) {
        if (refusal != null) {
            return Future.failedFuture(refusal);
        }
        RunSnapshot pending = RunSnapshot.pending(submission.runId(), submission.workflowId(),
                submission.metadata(), System.currentTimeMillis());
        RunSnapshot existing = runs.putIfAbsent(submission.runId(), pending);
        if (existing != null) {
            return Future.succeededFuture(existing);
        }
        submissions.add(submission);
        finished.put(submission.runId(), Promise.promise());
        switch (submission.workflowId()) {
            case "echo" -> vertx.setTimer(AUTO_FINISH_DELAY_MS,
                    t -> complete(submission.runId(), Map.of("echo", String.valueOf(submission.input()))));
            case "broken" -> vertx.setTimer(AUTO_FINISH_DELAY_MS, t -> fail(submission.runId(), BROKEN_ERROR));
            default -> { }
        }
        return Future.succeededFuture(pending);
    }

    @Override
    public Future<RunSnapshot> awaitTerminal(String runId) {
        Promise<RunSnapshot> promise = finished.get(runId);
        return promise == null ? Future.failedFuture(notFound(runId)) : promise.future();
    }

    @Override
    public Future<RunSnapshot> get(String runId) {
        if (getFailure != null) {
            throw getFailure;
        }
        RunSnapshot run = runs.get(runId);
        return run == null ? Future.failedFuture(notFound(runId)) : Future.succeededFuture(run);
    }

    @Override
    public Future<RunSnapshot> cancel(String runId) {
        RunSnapshot run = runs.get(runId);
        if (run == null) {
            return Future.failedFuture(notFound(runId));
        }
        if (run.status().isTerminal()) {
            return Future.failedFuture(new ComposeException(ErrorCode.CONFLICT, "run is over"));
        }
        return Future.succeededFuture(finish(runId, RunStatus.CANCELLED, null, "cancelled by request"));
    }

    @Override
    public Map<String, Supplier<Future<JsonObject>>> readinessChecks() {
        return checks;
    }

    /** Adds a readiness check (before the gateway is deployed). */
    public FakeRunBackend withCheck(String name, Supplier<Future<JsonObject>> check) {
        checks.put(name, check);
        return this;
    }

    /** Every further submission fails with this. */
    public void refuseWith(RuntimeException failure) {
        this.refusal = failure;
    }

    /** Every further {@code get} throws this instead of answering a future. */
    public void throwOnGet(RuntimeException failure) {
        this.getFailure = failure;
    }

    public void startProcessing(String runId) {
        runs.computeIfPresent(runId, (id, run) -> run.withStatus(RunStatus.PROCESSING));
    }

    public RunSnapshot complete(String runId, Object output) {
        return finish(runId, RunStatus.COMPLETED, output, null);
    }

    public RunSnapshot fail(String runId, String error) {
        return finish(runId, RunStatus.FAILED, null, error);
    }

    @Override
    public ChunkBook chunks() {
        return book;
    }

    /** A worker's chunk of a run's job, as it would arrive from the chunks topic. */
    public void emit(String runId, String jobKey, int attempt, long sequence, Object chunk) {
        JobChunk record = new JobChunk(1, runId, "w", jobKey, attempt, sequence, chunk, System.currentTimeMillis());
        chunkTopic.add(record);
        book.accept(record);
    }

    /** Cancellations seen (a caller that goes away must not cancel its run). */
    public boolean wasCancelled(String runId) {
        RunSnapshot run = runs.get(runId);
        return run != null && run.status() == RunStatus.CANCELLED;
    }

    public List<RunSubmission> submissions() {
        return List.copyOf(submissions);
    }

    private RunSnapshot finish(String runId, RunStatus status, Object output, String error) {
        RunSnapshot done = runs.computeIfPresent(runId,
                (id, run) -> run.finished(status, output, error, System.currentTimeMillis()));
        finished.get(runId).tryComplete(done);
        book.runEnded(runId);
        return done;
    }

    private static ComposeException notFound(String runId) {
        return new ComposeException(ErrorCode.NOT_FOUND, "no run " + runId);
    }
}
