package io.modelcompose.gateway.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcompose.gateway.stream.ChunkBook;
import io.modelcompose.gateway.stream.StreamingWorkflows;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.event.RunSnapshot;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Streamed output to HTTP callers: {@code GET /tasks/{task_id}/stream} (attach to any run, from any gateway: the
 * chunks so far, then live ones, then the outcome), the stream answer of a synchronous output-only run request, and
 * the status {@code streaming} of a run whose chunks are flowing. A caller that goes away leaves the run going on.
 */
final class RunStreams {
    static final long KEEPALIVE_MILLIS = 15_000;
    private final BackendCalls backend;
    private final ChunkBook book;
    private final StreamingWorkflows workflows;

    RunStreams(BackendCalls backend, ChunkBook book, StreamingWorkflows workflows) {
        this.backend = backend;
        this.book = book;
        this.workflows = workflows;
    }

    void mount(Router router, String basePath) {
        router.get(basePath + "/tasks/:task_id/stream").handler(this::attach);
    }

    /** Whether a synchronous output-only request for this workflow is answered as a stream. */
    boolean streams(String workflowId) {
        return workflows.streams(workflowId);
    }

    /** The run state as the API shows it: {@code streaming} while chunks flow. */
    ObjectNode state(RunSnapshot run) {
        ObjectNode node = GatewayJson.snapshot(run);
        if (!run.status().isTerminal() && book.isStreaming(run.runId())) {
            node.put("status", "streaming");
        }
        return node;
    }

    private void attach(RoutingContext rc) {
        String taskId = rc.pathParam("task_id");
        backend.get(taskId)
                .recover(failure -> Future.failedFuture(failure instanceof ComposeException ce
                        && ce.code() == ErrorCode.NOT_FOUND
                        ? new ComposeException(ErrorCode.NOT_FOUND, "Task '" + taskId + "' not found.") : failure))
                .onSuccess(run -> serve(rc, run))
                .onFailure(rc::fail);
    }

    /** Answers the run as Server-Sent Events until it ends (or the caller goes away). */
    void serve(RoutingContext rc, RunSnapshot run) {
        Vertx vertx = rc.vertx();
        Context context = vertx.getOrCreateContext();
        ChunkStream stream = new ChunkStream(context, rc.response());
        stream.open(run.runId());
        AtomicReference<AutoCloseable> attachment = new AtomicReference<>();
        long keepAlive = vertx.setPeriodic(KEEPALIVE_MILLIS, id -> stream.keepAlive());
        boolean[] ended = new boolean[1];
        stream.onEnd(() -> {
            ended[0] = true;
            vertx.cancelTimer(keepAlive);
            close(attachment.getAndSet(null));
        });
        rc.response().closeHandler(v -> stream.callerGone());
        book.attach(run, jobFilter(run.workflowId()), stream).onComplete(attached -> context.runOnContext(v -> {
            if (attached.failed()) {
                stream.fail(run.status().wireName(), "The stream of the task could not be read.");
                return;
            }
            if (ended[0]) {
                close(attached.result());
                return;
            }
            attachment.set(attached.result());
            backend.awaitTerminal(run.runId())
                    .compose(done -> book.caughtUp(run.runId()).map(done))
                    .onSuccess(stream::finish)
                    .onFailure(e -> stream.fail("unknown", e.getMessage()));
        }));
    }

    private Predicate<String> jobFilter(String workflowId) {
        Set<String> jobs = workflows.streamingJobs(workflowId);
        return jobs.isEmpty() ? jobKey -> true : jobs::contains;
    }

    private static void close(AutoCloseable attachment) {
        if (attachment == null) {
            return;
        }
        try {
            attachment.close();
        } catch (Exception e) {
            // detaching a listener does not fail
        }
    }
}
