package io.modelcompose.shared.transport;

import io.modelcompose.shared.event.ComposeEvent;
import io.modelcompose.shared.event.EventCodec;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends events keyed by {@link ComposeEvent#key()}; idempotent, {@code acks=all}, short batching delay. */
public final class EventProducer implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;

    public EventProducer(String bootstrapServers, String clientId) {
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
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends the event; the future completes once the broker has it (all in-sync replicas). */
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
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
