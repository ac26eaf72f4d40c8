package io.modelcompose.scheduler;

import io.modelcompose.shared.event.ComposeEvent;
import io.modelcompose.shared.event.EventCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A broker for scheduler unit tests: every record goes through one {@link MockProducer} (nothing is acknowledged until
 * {@link #acknowledgeAll}, so a test can kill a scheduler between a send and its acknowledgement); acknowledged records
 * of the runs topic form the log that schedulers read back with a {@code MockConsumer}.
 */
final class RunsLog {
    static final String RUNS = "compose.runs";
    static final String JOBS = "compose.jobs";
    static final String JOB_CONTROL = "compose.job-control";
    static final int PARTITIONS = 4;
    private final MockProducer<String, byte[]> producer;
    private final List<ConsumerRecord<String, byte[]>> runs = new ArrayList<>();
    private final List<ConsumerRecord<String, byte[]>> jobs = new ArrayList<>();
    private final List<PartitionInfo> jobPartitions = new ArrayList<>();
    private final List<ComposeEvent> acknowledged = new ArrayList<>();

    RunsLog() {
        Node node = new Node(0, "localhost", 9092);
        List<PartitionInfo> partitions = new ArrayList<>();
        for (String topic : List.of(RUNS, JOBS, JOB_CONTROL, "compose.run-state", "compose.run-events")) {
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.add(new PartitionInfo(topic, p, node, new Node[] {node}, new Node[] {node}));
            }
        }
        partitions.stream().filter(p -> p.topic().equals(JOBS)).forEach(jobPartitions::add);
        Cluster cluster = new Cluster("test", List.of(node), partitions, java.util.Set.of(), java.util.Set.of());
        producer = new MockProducer<>(cluster, false, null, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends like a scheduler, gateway or worker would: completes once acknowledged. */
    CompletableFuture<Object> send(String topic, ComposeEvent event) {
        CompletableFuture<Object> acked = new CompletableFuture<>();
        byte[] value = EventCodec.encode(event);
        producer.send(new ProducerRecord<>(topic, event.key(), value), (metadata, error) -> {
            if (error != null) {
                acked.completeExceptionally(error);
                return;
            }
            acknowledged.add(event);
            var record = new ConsumerRecord<>(topic, metadata.partition(), metadata.offset(), event.key(), value);
            if (topic.equals(RUNS)) {
                runs.add(record);
            } else if (topic.equals(JOBS)) {
                jobs.add(record);
            }
            acked.complete(metadata);
        });
        return acked;
    }

    /** The broker acknowledges every record sent so far; answers how many. */
    int acknowledgeAll() {
        int n = 0;
        while (producer.completeNext()) {
            n++;
        }
        return n;
    }

    /** A killed scheduler's sends that were not acknowledged are lost. */
    void loseUnacknowledged() {
        while (producer.errorNext(new org.apache.kafka.common.errors.DisconnectException("killed"))) {
            // drop it
        }
    }

    /**
     * A consumer of the jobs topic as the workers' group sees it: every acknowledged dispatch, nothing committed (no
     * worker finished anything yet).
     */
    MockConsumer<String, byte[]> jobsConsumer() {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        consumer.updatePartitions(JOBS, jobPartitions);
        Map<TopicPartition, Long> beginning = new HashMap<>();
        Map<TopicPartition, Long> ends = new HashMap<>();
        jobPartitions.forEach(p -> {
            beginning.put(new TopicPartition(JOBS, p.partition()), 0L);
            ends.put(new TopicPartition(JOBS, p.partition()), 0L);
        });
        jobs.forEach(r -> ends.merge(new TopicPartition(JOBS, r.partition()), r.offset() + 1, Math::max));
        consumer.updateBeginningOffsets(beginning);
        consumer.updateEndOffsets(ends);
        consumer.schedulePollTask(() -> jobs.forEach(r -> {
            if (consumer.assignment().contains(new TopicPartition(JOBS, r.partition()))) {
                consumer.addRecord(r);
            }
        }));
        return consumer;
    }

    /** Acknowledged records of the runs topic, in acknowledgement order. */
    List<ConsumerRecord<String, byte[]>> runsRecords() {
        return List.copyOf(runs);
    }

    /** Acknowledged records of one type on any topic, in acknowledgement order. */
    <T extends ComposeEvent> List<T> acknowledged(Class<T> type) {
        return acknowledged.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static int partitionOf(String key) {
        return ReplayMarkers.partitionOf(key, PARTITIONS);
    }
}
