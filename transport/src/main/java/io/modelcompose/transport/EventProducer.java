package io.modelcompose.transport;

import io.modelcompose.shared.event.ComposeEvent;
import io.modelcompose.shared.event.EventCodec;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends events keyed by {@link ComposeEvent#key()}; idempotent, {@code acks=all}, no batching delay. A handle from
 * {@link KafkaClients}: either on the process's shared producer of the cluster or on a producer of its own.
 */
public final class EventProducer implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final String bootstrapServers;
    private final LocalDelivery localDelivery;
    /** Releases this handle; answers whether the Kafka producer is to be closed with it. */
    private final BooleanSupplier release;
    private boolean closed;

    EventProducer(KafkaProducer<String, byte[]> producer, String bootstrapServers, LocalDelivery localDelivery,
            BooleanSupplier release) {
        this.producer = producer;
        this.bootstrapServers = bootstrapServers;
        this.localDelivery = localDelivery;
        this.release = release;
    }

    static KafkaProducer<String, byte[]> create(String bootstrapServers, String clientId) {
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
     * this process get it then too, without waiting for their next fetch ({@link LocalDelivery}).
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
                    if (localDelivery != null) {
                        localDelivery.acknowledged(bootstrapServers, topic, metadata.partition(), metadata.offset(),
                                key, value);
                    }
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
    public void warmUp(List<String> topics) {
        topics.forEach(producer::partitionsFor);
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return; // a second close of a handle must not release the shared producer under another role
            }
            closed = true;
        }
        if (release.getAsBoolean()) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Whether both send through the same Kafka producer. */
    boolean sharesProducerWith(EventProducer other) {
        return producer == other.producer;
    }
}
