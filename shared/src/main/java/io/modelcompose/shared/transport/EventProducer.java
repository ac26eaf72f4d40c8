package io.modelcompose.shared.transport;

import io.modelcompose.shared.event.ComposeEvent;
import io.modelcompose.shared.event.EventCodec;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends events keyed by {@link ComposeEvent#key()}; idempotent, {@code acks=all}, no batching delay. The roles of one
 * JVM share one Kafka producer per cluster ({@link #shared}): their records then travel in the same requests, which
 * costs the broker and this process far less than one producer per role.
 */
public final class EventProducer implements AutoCloseable {
    private static final Map<String, Shared> SHARED = new HashMap<>();
    private final KafkaProducer<String, byte[]> producer;
    private final String bootstrapServers;
    private final Shared shared;
    private boolean closed;

    /** A producer of its own. */
    public EventProducer(String bootstrapServers, String clientId) {
        this(create(bootstrapServers, clientId), bootstrapServers, null);
    }

    private EventProducer(KafkaProducer<String, byte[]> producer, String bootstrapServers, Shared shared) {
        this.producer = producer;
        this.bootstrapServers = bootstrapServers;
        this.shared = shared;
    }

    /** A handle on this JVM's producer for the cluster; the producer closes when its last handle does. */
    public static EventProducer shared(String bootstrapServers, String clientId) {
        synchronized (SHARED) {
            Shared entry = SHARED.computeIfAbsent(bootstrapServers,
                    b -> new Shared(b, create(b, clientId + "-shared")));
            entry.handles++;
            return new EventProducer(entry.producer, bootstrapServers, entry);
        }
    }

    private static KafkaProducer<String, byte[]> create(String bootstrapServers, String clientId) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
        props.put(ProducerConfig.CONNECTIONS_MAX_IDLE_MS_CONFIG, ClientDefaults.CONNECTIONS_MAX_IDLE_MS);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Sends the event; the future completes once the broker has it (all in-sync replicas). Readers of the topic in
     * this JVM get it then too, without waiting for their next fetch ({@link LocalDelivery}).
     */
    public CompletableFuture<RecordMetadata> send(String topic, ComposeEvent event) {
        return sendRaw(topic, event.key(), EventCodec.encode(event));
    }

    /** Sends a tombstone (null value) for a compacted topic. */
    public CompletableFuture<RecordMetadata> tombstone(String topic, String key) {
        return sendRaw(topic, key, null);
    }

    public CompletableFuture<RecordMetadata> sendRaw(String topic, String key, byte[] value) {
        CompletableFuture<RecordMetadata> done = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
                if (error != null) {
                    done.completeExceptionally(error);
                } else {
                    LocalDelivery.acknowledged(bootstrapServers, topic, metadata.partition(), metadata.offset(), key,
                            value);
                    done.complete(metadata);
                }
            });
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    /**
     * Fetches the metadata of these topics now (a blocking call: run it off the event loop), so that later sends do
     * not block an event loop waiting for metadata.
     */
    public void warmUp(java.util.List<String> topics) {
        topics.forEach(producer::partitionsFor);
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        if (shared == null) {
            producer.close(Duration.ofSeconds(5));
            return;
        }
        synchronized (SHARED) {
            if (closed) {
                return;
            }
            closed = true;
            if (--shared.handles > 0) {
                return; // the others keep the producer, which still delivers this handle's records
            }
            SHARED.remove(shared.bootstrapServers);
        }
        producer.close(Duration.ofSeconds(5));
    }

    /** Whether both send through the same Kafka producer. */
    boolean sharesProducerWith(EventProducer other) {
        return producer == other.producer;
    }

    /** How many shared producers are open in this JVM. */
    static int sharedProducers() {
        synchronized (SHARED) {
            return SHARED.size();
        }
    }

    /** One shared producer and how many handles use it (guarded by {@link #SHARED}). */
    private static final class Shared {
        private final String bootstrapServers;
        private final KafkaProducer<String, byte[]> producer;
        private int handles;

        Shared(String bootstrapServers, KafkaProducer<String, byte[]> producer) {
            this.bootstrapServers = bootstrapServers;
            this.producer = producer;
        }
    }
}
