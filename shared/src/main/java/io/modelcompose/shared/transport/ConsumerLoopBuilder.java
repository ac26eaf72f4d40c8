package io.modelcompose.shared.transport;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/** Settings of a {@link ConsumerLoop}; {@link #build()} creates it (not started). */
public final class ConsumerLoopBuilder {
    /** Where an assigned reader starts. */
    enum Start { BEGINNING, END, COMMITTED }

    final String bootstrapServers;
    final String name;
    List<String> topics = List.of();
    String groupId;
    EventHandler handler;
    EventProducer deadLetters;
    String deadLetterTopic;
    int maxInFlight = 1000;
    boolean assignAll;
    Start startAt = Start.COMMITTED;
    Consumer<Map<String, String>> committedListener;
    Function<String, String> commitMetadata;
    boolean commit = true;
    long pollMillis = 100;
    final Map<String, Object> extra = new HashMap<>();
    MeterRegistry meterRegistry;

    ConsumerLoopBuilder(String bootstrapServers, String name) {
        this.bootstrapServers = bootstrapServers;
        this.name = name;
    }

    /** Joins consumer group {@code groupId} on these topics; offsets are committed to the group. */
    public ConsumerLoopBuilder subscribe(String group, List<String> topicNames) {
        this.groupId = group;
        this.topics = topicNames;
        return this;
    }

    /** Reads every partition of these topics without a group, from the beginning or from the end. */
    public ConsumerLoopBuilder assignAll(List<String> topicNames, boolean beginning) {
        this.topics = topicNames;
        this.assignAll = true;
        this.startAt = beginning ? Start.BEGINNING : Start.END;
        this.commit = false;
        return this;
    }

    /**
     * Reads every partition of these topics as the only reader, resuming from the offsets committed for
     * {@code group} (the beginning if none), and commits progress there; no group membership is used.
     */
    public ConsumerLoopBuilder assignAllCommitted(String group, List<String> topicNames) {
        this.topics = topicNames;
        this.groupId = group;
        this.assignAll = true;
        this.startAt = Start.COMMITTED;
        this.commit = true;
        return this;
    }

    /**
     * With {@link #assignAllCommitted}: told the metadata committed with each partition's offset
     * ({@code topic-partition} → metadata, "" when none) before reading.
     */
    public ConsumerLoopBuilder onCommitted(Consumer<Map<String, String>> listener) {
        this.committedListener = listener;
        return this;
    }

    /** Metadata stored with each commit, by {@code topic-partition} (null for none); called on the loop thread. */
    public ConsumerLoopBuilder commitMetadata(Function<String, String> metadata) {
        this.commitMetadata = metadata;
        return this;
    }

    public ConsumerLoopBuilder handler(EventHandler eventHandler) {
        this.handler = eventHandler;
        return this;
    }

    public ConsumerLoopBuilder deadLetters(EventProducer producer, String topic) {
        this.deadLetters = producer;
        this.deadLetterTopic = topic;
        return this;
    }

    public ConsumerLoopBuilder maxInFlight(int max) {
        this.maxInFlight = max;
        return this;
    }

    public ConsumerLoopBuilder pollMillis(long millis) {
        this.pollMillis = millis;
        return this;
    }

    /** Binds the consumer's client metrics (records lag, fetch rates) to this registry; null binds nothing. */
    public ConsumerLoopBuilder meterRegistry(MeterRegistry registry) {
        this.meterRegistry = registry;
        return this;
    }

    public ConsumerLoopBuilder property(String key, Object value) {
        extra.put(key, value);
        return this;
    }

    public ConsumerLoop build() {
        return new ConsumerLoop(this);
    }

    Properties properties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        ClientDefaults.fetchSettings(bootstrapServers, props);
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
