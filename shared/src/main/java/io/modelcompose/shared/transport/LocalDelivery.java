package io.modelcompose.shared.transport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Hands a record that this JVM wrote, once the broker has acknowledged it, to the readers of its topic in this JVM,
 * which then need not wait for their next fetch (about 1 ms per hop on loopback). A reader takes such a record only
 * if it is the next one it would have read from that partition, so the order of the log and the committed offsets are
 * those of a plain fetch; the fetch still brings every record, and the reader skips those it already has. Records of
 * other processes simply arrive by fetch. Deliveries run on one named thread, in acknowledgement order, so that
 * neither the producer's network thread nor an event loop does the decoding. Switched off with the system property
 * {@code compose.kafka.local-delivery=false}.
 */
final class LocalDelivery {
    /** Reads records of some topics of one cluster. */
    interface Reader {
        /** A record of {@code topic} acknowledged by the broker at {@code offset}; called on the delivery thread. */
        void offer(String topic, int partition, long offset, String key, byte[] value);
    }

    static final boolean ENABLED = !"false".equals(System.getProperty("compose.kafka.local-delivery"));
    /** Readers by cluster, then by topic. */
    private static final Map<String, Map<String, List<Reader>>> READERS = new ConcurrentHashMap<>();
    private static final int MAX_QUEUED = 100_000;
    private static final ExecutorService THREAD = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(MAX_QUEUED), r -> {
                Thread t = new Thread(r, "kafka-local-delivery");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy()); // a dropped delivery just arrives by fetch

    private LocalDelivery() {
    }

    static void register(String bootstrapServers, List<String> topics, Reader reader) {
        if (ENABLED) {
            Map<String, List<Reader>> byTopic = READERS.computeIfAbsent(bootstrapServers,
                    b -> new ConcurrentHashMap<>());
            topics.forEach(t -> byTopic.computeIfAbsent(t, k -> new CopyOnWriteArrayList<>()).add(reader));
        }
    }

    static void unregister(String bootstrapServers, List<String> topics, Reader reader) {
        Map<String, List<Reader>> byTopic = READERS.get(bootstrapServers);
        if (byTopic != null) {
            topics.forEach(t -> {
                List<Reader> readers = byTopic.get(t);
                if (readers != null) {
                    readers.remove(reader);
                }
            });
        }
    }

    /** Called on the producer's network thread once the broker has the record; only queues it. */
    static void acknowledged(String bootstrapServers, String topic, int partition, long offset, String key,
            byte[] value) {
        if (value == null) {
            return; // tombstones are not events
        }
        Map<String, List<Reader>> byTopic = READERS.get(bootstrapServers);
        List<Reader> readers = byTopic == null ? null : byTopic.get(topic);
        if (readers != null && !readers.isEmpty()) {
            THREAD.execute(() -> readers.forEach(r -> r.offer(topic, partition, offset, key, value)));
        }
    }
}
