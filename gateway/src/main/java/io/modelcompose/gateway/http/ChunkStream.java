package io.modelcompose.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcompose.gateway.stream.ChunkListener;
import io.modelcompose.gateway.stream.StoredChunk;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.RunStatus;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One caller's stream of a run as Server-Sent Events: {@code data: <chunk JSON>} per chunk, {@code event: retry}
 * ({@code {job_id, attempt}}) when a job starts again, {@code event: truncated} when chunks were not all kept, then
 * {@code event: done} with the run output or {@code event: error} with {@code {status, detail}}, and the end. Events
 * come from any thread and are written on the caller's context in order; a caller that reads too slowly to keep
 * {@value #MAX_QUEUED} events waiting is ended with an error (the run goes on).
 */
final class ChunkStream implements ChunkListener {
    static final int MAX_QUEUED = 50_000;
    private final Context context;
    private final HttpServerResponse response;
    private final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private volatile boolean finished;
    private volatile boolean overflowed;
    private Runnable onEnd = () -> { };

    ChunkStream(Context context, HttpServerResponse response) {
        this.context = context;
        this.response = response;
    }

    /** Writes the SSE headers and a first comment, so that the caller knows at once that it is a stream. */
    void open(String runId) {
        response.setStatusCode(200).setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no")
                .putHeader("X-Task-Id", runId);
        response.write(": task " + runId + "\n\n");
    }

    /** Run on the caller's context when the stream ends, however it ends. */
    void onEnd(Runnable action) {
        onEnd = action;
    }

    @Override
    public void chunk(StoredChunk chunk) {
        enqueue("data: " + chunk.json() + "\n\n");
    }

    @Override
    public void retry(String jobKey, int attempt) {
        ObjectNode data = GatewayJson.object().put("job_id", jobKey).put("attempt", attempt);
        enqueue(event("retry", data));
    }

    @Override
    public void truncated(String jobKey, long keptChunks) {
        ObjectNode data = GatewayJson.object().put("job_id", jobKey).put("kept_chunks", keptChunks);
        enqueue(event("truncated", data));
    }

    /** The run's outcome: the last event. */
    void finish(RunSnapshot run) {
        if (run.status() == RunStatus.COMPLETED) {
            enqueueLast(event("done", run.output() == null ? null : GatewayJson.toTree(run.output())));
        } else {
            String detail = run.status() == RunStatus.CANCELLED ? "Task '" + run.runId() + "' was cancelled."
                    : run.error() == null ? "The workflow failed." : run.error();
            fail(run.status().wireName(), detail);
        }
    }

    /** Ends the stream with {@code event: error}. */
    void fail(String status, String detail) {
        ObjectNode data = GatewayJson.object().put("status", status).put("detail", Replies.oneLine(detail));
        enqueueLast(event("error", data));
    }

    /** A keep-alive comment, unless the stream is over. */
    void keepAlive() {
        enqueue(": keep-alive\n\n");
    }

    /** The caller went away (on the caller's context). */
    void callerGone() {
        finished = true;
        queue.clear();
        end();
    }

    private void enqueueLast(String frame) {
        enqueue(frame);
        finished = true;
        scheduleDrain();
    }

    private void enqueue(String frame) {
        if (finished) {
            return;
        }
        if (queued.incrementAndGet() > MAX_QUEUED) {
            overflowed = true;
            finished = true;
        } else {
            queue.add(frame);
        }
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> drain());
        }
    }

    private void drain() {
        drainScheduled.set(false);
        if (response.ended() || response.closed()) {
            end();
            return;
        }
        if (overflowed) {
            queue.clear();
            ObjectNode data = GatewayJson.object().put("status", "processing")
                    .put("detail", "The caller reads the stream too slowly; the task goes on.");
            response.end(event("error", data));
            end();
            return;
        }
        if (response.writeQueueFull()) {
            response.drainHandler(v -> scheduleDrain()); // the caller reads slowly: events wait in the queue
            return;
        }
        StringBuilder frames = new StringBuilder();
        for (String frame = queue.poll(); frame != null; frame = queue.poll()) {
            queued.decrementAndGet();
            frames.append(frame);
        }
        if (frames.length() > 0) {
            response.write(Buffer.buffer(frames.toString().getBytes(StandardCharsets.UTF_8)));
        }
        if (finished && queue.isEmpty()) {
            response.end();
            end();
        }
    }

    private void end() {
        Runnable action = onEnd;
        onEnd = () -> { };
        action.run();
    }

    private static String event(String name, Object data) {
        String json;
        try {
            json = new String(GatewayJson.write(data), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            json = "null";
        }
        return "event: " + name + "\ndata: " + json + "\n\n";
    }
}
