package io.modelcompose.gateway.kafka;

import io.modelcompose.gateway.stream.ChunkBarrier;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;

/**
 * The chunk reader has caught up with a run once it has handled every record of the run's partition up to the end
 * that partition had when asked (one list-offsets call to the broker). Bounded: after {@value #MAX_WAIT_MILLIS} ms the
 * wait ends anyway (a record the reader could not decode is never handled).
 */
final class KafkaChunkBarrier implements ChunkBarrier {
    static final long MAX_WAIT_MILLIS = 2_000;
    private final Vertx vertx;
    private final Admin admin;
    private final String topic;
    private final Map<Integer, Long> handled = new ConcurrentHashMap<>();
    private final List<Waiter> waiters = new CopyOnWriteArrayList<>();
    private volatile int partitions;

    private record Waiter(int partition, long lastOffset, Promise<Void> promise) {
    }

    KafkaChunkBarrier(Vertx vertx, Admin admin, String topic) {
        this.vertx = vertx;
        this.admin = admin;
        this.topic = topic;
    }

    /** The reader was given the topic's partitions. */
    void assigned(int partitionCount) {
        partitions = partitionCount;
    }

    /** The reader handled this record (on its thread). */
    void handled(int partition, long offset) {
        handled.merge(partition, offset, Math::max);
        for (Waiter w : waiters) {
            if (w.partition() == partition && offset >= w.lastOffset()) {
                w.promise().tryComplete();
                waiters.remove(w);
            }
        }
    }

    @Override
    public Future<Void> caughtUp(String runId) {
        int count = partitions;
        if (count <= 0 || admin == null) {
            return Future.succeededFuture();
        }
        int partition = BuiltInPartitioner.partitionForKey(runId.getBytes(StandardCharsets.UTF_8), count);
        TopicPartition tp = new TopicPartition(topic, partition);
        Promise<Void> promise = Promise.promise();
        admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp).whenComplete((info, error) -> {
            if (error != null || info.offset() <= 0) {
                promise.tryComplete();
                return;
            }
            Waiter waiter = new Waiter(partition, info.offset() - 1, promise);
            waiters.add(waiter);
            if (handled.getOrDefault(partition, -1L) >= waiter.lastOffset()) {
                promise.tryComplete();
                waiters.remove(waiter);
            }
        });
        long timer = vertx.setTimer(MAX_WAIT_MILLIS, id -> promise.tryComplete());
        return promise.future().onComplete(done -> {
            vertx.cancelTimer(timer);
            waiters.removeIf(w -> w.promise() == promise);
        });
    }
}
