package io.modelcompose.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modelcompose.shared.event.EventCodec;
import io.modelcompose.shared.event.ServiceHeartbeat;
import io.modelcompose.testkit.kafka.EmbeddedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A consumer loop gets the records this process writes before its fetch brings them, and those of other processes by
 * fetch: each offset once, in log order, on the loop's own thread, with the offsets committed as for fetched records
 * alone.
 */
class ConsumerLoopIT {
    private static final int RECORDS = 400;
    private static final int FOREIGN_EVERY = 10;

    private record Handled(RecordPosition at, String id, String thread) {
    }

    @Test
    void localAndForeignRecordsReachTheHandlerOnceEachInLogOrder() throws Exception {
        readEachOnceInLogOrder("mixed", Integer.MAX_VALUE, false);
    }

    /** Local records that come while two records are in flight wait in the loop, and none passes another. */
    @Test
    void recordsThatComeWithoutRoomAreHandledInLogOrderOnceThereIsRoom() throws Exception {
        readEachOnceInLogOrder("held", 2, true);
    }

    private static void readEachOnceInLogOrder(String name, int maxInFlight, boolean slowHandler) throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        String topic = kafka.newTopicPrefix() + name;
        String group = topic + "-reader";
        String reader = name + "-reader";
        kafka.createTopics(2, topic);
        List<Handled> handled = Collections.synchronizedList(new ArrayList<>());
        KafkaClients clients = KafkaClients.create();
        try (ConsumerLoop loop = clients.consumer(kafka.bootstrapServers(), reader)
                        .assignAllCommitted(group, List.of(topic))
                        .maxInFlight(maxInFlight)
                        .handler((event, at) -> {
                            handled.add(new Handled(at, ((ServiceHeartbeat) event).instanceId(),
                                    Thread.currentThread().getName()));
                            return slowHandler ? CompletableFuture.runAsync(() -> { },
                                    CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS))
                                    : CompletableFuture.completedFuture(null);
                        })
                        .build().start();
                EventProducer local = clients.sharedProducer(kafka.bootstrapServers(), "local-writer");
                KafkaProducer<String, byte[]> foreign = foreignProducer(kafka.bootstrapServers())) {
            loop.positioned().get(30, TimeUnit.SECONDS);
            writeMixed(topic, local, foreign);

            await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() >= RECORDS);
            Map<TopicPartition, Long> ends = endOffsets(kafka.bootstrapServers(), topic);
            await().atMost(Duration.ofSeconds(30)).until(() -> committed(kafka.bootstrapServers(), group).equals(ends));

            List<Handled> all = List.copyOf(handled);
            assertThat(all).hasSize(RECORDS);
            assertThat(all.stream().map(Handled::id).distinct()).hasSize(RECORDS);
            assertInLogOrder(all);
            // one thread calls the handler, whichever way a record came; some came by local delivery
            assertThat(all).allMatch(h -> h.thread().equals("kafka-" + reader));
            assertThat(loop.locallyHandedOver()).isPositive().isLessThanOrEqualTo(RECORDS - RECORDS / FOREIGN_EVERY);
        }
    }

    /** Writes heartbeats from this JVM's producer, with one in ten from a plain producer as another process would. */
    private static void writeMixed(String topic, EventProducer local, KafkaProducer<String, byte[]> foreign)
            throws Exception {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            ServiceHeartbeat beat = new ServiceHeartbeat("writer", "beat-" + i, true, i);
            if (isForeign(beat.instanceId())) {
                foreign.send(new ProducerRecord<>(topic, beat.key(), EventCodec.encode(beat))).get();
            } else {
                sent.add(local.send(topic, beat));
            }
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    }

    private static boolean isForeign(String id) {
        return Integer.parseInt(id.substring("beat-".length())) % FOREIGN_EVERY == FOREIGN_EVERY - 1;
    }

    private static void assertInLogOrder(List<Handled> all) {
        Map<Integer, Long> last = new HashMap<>();
        for (Handled h : all) {
            Long before = last.put(h.at().partition(), h.at().offset());
            assertThat(h.at().offset()).as("offset after %s in partition %s", before, h.at().partition())
                    .isEqualTo(before == null ? 0 : before + 1);
        }
    }

    private static KafkaProducer<String, byte[]> foreignProducer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    private static Map<TopicPartition, Long> endOffsets(String bootstrapServers, String topic) throws Exception {
        try (Admin admin = admin(bootstrapServers)) {
            Map<TopicPartition, OffsetSpec> latest = Map.of(new TopicPartition(topic, 0), OffsetSpec.latest(),
                    new TopicPartition(topic, 1), OffsetSpec.latest());
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp,
                    info.offset()));
            return ends;
        }
    }

    private static Map<TopicPartition, Long> committed(String bootstrapServers, String group) throws Exception {
        try (Admin admin = admin(bootstrapServers)) {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            committed.forEach((tp, o) -> offsets.put(tp, o.offset()));
            return offsets;
        }
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
}
