package io.modelcompose.transport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hands a record that this process wrote, once the broker has acknowledged it, to the readers of its topic in this
 * process, which then need not wait for their next fetch (about 1 ms per hop on loopback). A reader takes such a
 * record only if it is the next one it would have read from that partition, so the order of the log and the committed
 * offsets are those of a plain fetch; the fetch still brings every record, and the reader skips those it already has.
 * Records of other processes simply arrive by fetch. The producer's network thread only queues the record in each
 * reader's {@link LocalFeed}; the reader's own thread decodes and handles it. One registry per {@link KafkaClients}.
 */
final class LocalDelivery {
    /** Reads records of some topics of one cluster. */
    interface Reader {
        /** A record of {@code topic} acknowledged by the broker at {@code offset}; must only queue it. */
        void offer(String topic, int partition, long offset, String key, byte[] value);
    }

    /** Readers by cluster, then by topic. */
    private final Map<String, Map<String, List<Reader>>> readers = new ConcurrentHashMap<>();

    void register(String bootstrapServers, List<String> topics, Reader reader) {
        Map<String, List<Reader>> byTopic = readers.computeIfAbsent(bootstrapServers, b -> new ConcurrentHashMap<>());
        topics.forEach(t -> byTopic.computeIfAbsent(t, k -> new CopyOnWriteArrayList<>()).add(reader));
    }

    void unregister(String bootstrapServers, List<String> topics, Reader reader) {
        Map<String, List<Reader>> byTopic = readers.get(bootstrapServers);
        if (byTopic != null) {
            topics.forEach(t -> {
                List<Reader> topicReaders = byTopic.get(t);
                if (topicReaders != null) {
                    topicReaders.remove(reader);
                }
            });
        }
    }

    /** Called on the producer's network thread once the broker has the record. */
    void acknowledged(String bootstrapServers, String topic, int partition, long offset, String key, byte[] value) {
        if (value == null) {
            return; // tombstones are not events
        }
        Map<String, List<Reader>> byTopic = readers.get(bootstrapServers);
        List<Reader> topicReaders = byTopic == null ? null : byTopic.get(topic);
        if (topicReaders != null) {
            for (Reader r : topicReaders) {
                r.offer(topic, partition, offset, key, value);
            }
        }
    }
}
