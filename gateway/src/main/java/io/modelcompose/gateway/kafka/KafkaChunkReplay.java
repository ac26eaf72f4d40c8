package io.modelcompose.gateway.kafka;

import io.modelcompose.gateway.stream.ChunkReplay;
import io.modelcompose.shared.event.ComposeEvent;
import io.modelcompose.shared.event.EventCodec;
import io.modelcompose.shared.event.StreamEvents.JobChunk;
import io.modelcompose.transport.ClientDefaults;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one run's chunks again from the chunks topic: only the partition its key lives in, from the first record
 * written since the given time up to the end as it was when the replay began, keeping the records of that run. Runs on
 * a worker thread with a short-lived consumer of its own (no group); bounded in records and time.
 */
final class KafkaChunkReplay implements ChunkReplay {
    private static final int MAX_RECORDS_READ = 200_000;
    private static final Duration MAX_TIME = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(200);
    private final String bootstrapServers;
    private final String topic;
    private final String clientId;
    private final WorkerExecutor executor;

    KafkaChunkReplay(String bootstrapServers, String topic, String clientId, WorkerExecutor executor) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.clientId = clientId;
        this.executor = executor;
    }

    @Override
    public Future<List<JobChunk>> replay(String runId, long sinceMillis) {
        return executor.executeBlocking(() -> read(runId, sinceMillis), false);
    }

    private List<JobChunk> read(String runId, long sinceMillis) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000,
                ConsumerConfig.CONNECTIONS_MAX_IDLE_MS_CONFIG, ClientDefaults.CONNECTIONS_MAX_IDLE_MS);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            int partitions = consumer.partitionsFor(topic, MAX_TIME).size();
            TopicPartition partition = new TopicPartition(topic,
                    BuiltInPartitioner.partitionForKey(runId.getBytes(StandardCharsets.UTF_8), partitions));
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), MAX_TIME).get(partition);
            OffsetAndTimestamp from = consumer.offsetsForTimes(Map.of(partition, sinceMillis), MAX_TIME)
                    .get(partition);
            if (from == null || from.offset() >= end) {
                return List.of();
            }
            consumer.seek(partition, from.offset());
            return collect(consumer, partition, runId, end);
        }
    }

    private static List<JobChunk> collect(KafkaConsumer<String, byte[]> consumer, TopicPartition partition,
            String runId, long end) {
        List<JobChunk> chunks = new ArrayList<>();
        long deadline = System.nanoTime() + MAX_TIME.toNanos();
        int read = 0;
        while (consumer.position(partition) < end && read < MAX_RECORDS_READ && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                read++;
                if (record.offset() >= end || !runId.equals(record.key())) {
                    continue;
                }
                ComposeEvent event;
                try {
                    event = EventCodec.decode(record.value());
                } catch (RuntimeException e) {
                    continue; // the live reader sends it to the dead-letter topic
                }
                if (event instanceof JobChunk chunk) {
                    chunks.add(chunk);
                }
            }
        }
        return chunks;
    }
}
