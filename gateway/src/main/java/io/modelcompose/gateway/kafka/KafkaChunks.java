package io.modelcompose.gateway.kafka;

import io.modelcompose.gateway.stream.ChunkBook;
import io.modelcompose.gateway.stream.ChunkLimits;
import io.modelcompose.shared.event.ComposeEvent;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.StreamEvents.JobChunk;
import io.modelcompose.transport.ConsumerLoop;
import io.modelcompose.transport.EventProducer;
import io.modelcompose.transport.KafkaSettings;
import io.modelcompose.transport.RecordPosition;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The gateway's reader of the chunks topic: every partition from the end (no group, so every gateway reads every
 * chunk), fed into a {@link ChunkBook} that the run-state view tells of runs ending; chunks written before the reader
 * was positioned are read again on demand ({@link KafkaChunkReplay}); a stream's last event waits until the reader
 * has caught up with the run's partition ({@link KafkaChunkBarrier}).
 */
final class KafkaChunks implements AutoCloseable {
    private static final long EVICT_EVERY_MILLIS = 60_000;
    private final Vertx vertx;
    private final ChunkBook book;
    private final WorkerExecutor replays;
    private final ConsumerLoop reader;
    private final AutoCloseable endings;
    private final long evictTimer;
    private final KafkaChunkBarrier barrier;

    KafkaChunks(Vertx vertx, KafkaSettings kafka, EventProducer producer, RunStateView view, ChunkLimits limits,
            Admin admin) {
        this.vertx = vertx;
        this.replays = vertx.createSharedWorkerExecutor("compose-gateway-chunk-replay", 2);
        String topic = kafka.topics().chunks();
        this.book = new ChunkBook(limits, new KafkaChunkReplay(kafka.bootstrapServers(), topic,
                "gateway-chunk-replay-" + kafka.instanceId(), replays), lookup(view), Long.MAX_VALUE);
        this.barrier = new KafkaChunkBarrier(vertx, admin, topic);
        book.barrier(barrier);
        this.endings = view.listen(this::onRunChange);
        this.reader = kafka.consumer("gateway-chunks-" + kafka.instanceId())
                .assignAll(List.of(topic), false)
                .onAssigned(assigned -> barrier.assigned(assigned.size()))
                .deadLetters(producer, kafka.topics().deadLetter())
                .handler(this::onChunk).build().start();
        reader.positioned().thenRun(() -> book.readingSince(System.currentTimeMillis()));
        this.evictTimer = vertx.setPeriodic(EVICT_EVERY_MILLIS, id -> book.evictIdle(System.currentTimeMillis()));
    }

    ChunkBook book() {
        return book;
    }

    private CompletionStage<?> onChunk(ComposeEvent event, RecordPosition position) {
        if (event instanceof JobChunk chunk) {
            book.accept(chunk);
        }
        barrier.handled(position.partition(), position.offset());
        return CompletableFuture.completedFuture(null);
    }

    private void onRunChange(RunSnapshot snapshot) {
        if (snapshot.status().isTerminal()) {
            book.runEnded(snapshot.runId());
        }
    }

    private static ChunkBook.RunLookup lookup(RunStateView view) {
        return new ChunkBook.RunLookup() {
            @Override
            public long createdAtMillis(String runId) {
                RunSnapshot run = view.get(runId);
                return run == null ? -1 : run.createdAtMillis();
            }

            @Override
            public boolean hasEnded(String runId) {
                RunSnapshot run = view.get(runId);
                return run != null && run.status().isTerminal();
            }
        };
    }

    @Override
    public void close() {
        vertx.cancelTimer(evictTimer);
        try {
            endings.close();
        } catch (Exception e) {
            // removing a listener does not fail
        }
        reader.close();
        replays.close();
    }
}
