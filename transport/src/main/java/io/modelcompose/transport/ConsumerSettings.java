package io.modelcompose.transport;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;

/**
 * What a {@link ConsumerLoop} reads and how (made by {@link ConsumerLoopBuilder}).
 *
 * @param bootstrapServers cluster
 * @param name client id and thread name ({@code kafka-<name>})
 * @param topics topics read
 * @param groupId consumer group (joined, or only committed to when {@code assignAll}), or null
 * @param handler called for each decoded record, on the loop's thread
 * @param deadLetters where undecodable and rejected records go, or null
 * @param deadLetterTopic the dead-letter topic
 * @param maxInFlight records handled at once before the loop pauses its partitions
 * @param assignAll read every partition without group membership
 * @param startAt where an assigned reader starts
 * @param assignedListener told the partitions once assigned, before any is read ({@code assignAll}), or null
 * @param commit whether offsets are committed
 * @param pollMillis longest poll
 * @param extra further consumer properties
 * @param meterRegistry registry for the consumer's client metrics, or null
 * @param soleWriter whether this process writes every record of the cluster (fewer, fuller fetches)
 */
record ConsumerSettings(String bootstrapServers, String name, List<String> topics, String groupId,
        EventHandler handler, EventProducer deadLetters, String deadLetterTopic, int maxInFlight, boolean assignAll,
        Start startAt, Consumer<List<TopicPartition>> assignedListener, boolean commit, long pollMillis, Map<String, Object> extra, MeterRegistry meterRegistry, boolean soleWriter) {
    /** Where an assigned reader starts. */
    enum Start { BEGINNING, END, COMMITTED }

    ConsumerSettings {
        topics = List.copyOf(topics);
        extra = Map.copyOf(extra);
    }

    Properties properties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        ClientDefaults.fetchSettings(soleWriter, props);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000);
        props.put(ConsumerConfig.CONNECTIONS_MAX_IDLE_MS_CONFIG, ClientDefaults.CONNECTIONS_MAX_IDLE_MS);
        if (groupId != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        props.putAll(extra);
        return props;
    }
}
