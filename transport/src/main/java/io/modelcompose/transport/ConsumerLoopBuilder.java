package io.modelcompose.transport;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;

/** Collects the settings of a {@link ConsumerLoop}; {@link #build()} creates it (not started). */
public final class ConsumerLoopBuilder {
    private final KafkaClients clients;
    private final String bootstrapServers;
    private final String name;
    private List<String> topics = List.of();
    private String groupId;
    private EventHandler handler;
    private EventProducer deadLetters;
    private String deadLetterTopic;
    private int maxInFlight = 1000;
    private boolean assignAll;
    private ConsumerSettings.Start startAt = ConsumerSettings.Start.COMMITTED;
    private Consumer<List<TopicPartition>> assignedListener;
    private boolean commit = true;
    private long pollMillis = 100;
    private final Map<String, Object> extra = new HashMap<>();
    private MeterRegistry meterRegistry;

    ConsumerLoopBuilder(KafkaClients clients, String bootstrapServers, String name) {
        this.clients = clients;
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
        this.startAt = beginning ? ConsumerSettings.Start.BEGINNING : ConsumerSettings.Start.END;
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
        this.startAt = ConsumerSettings.Start.COMMITTED;
        this.commit = true;
        return this;
    }

    /** With an assigned reader: told every partition once assigned, before any is read (on the loop thread). */
    public ConsumerLoopBuilder onAssigned(Consumer<List<TopicPartition>> listener) {
        this.assignedListener = listener;
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
        ConsumerSettings settings = new ConsumerSettings(bootstrapServers, name, topics, groupId, handler, deadLetters,
                deadLetterTopic, maxInFlight, assignAll, startAt, assignedListener, commit,
                pollMillis, extra, meterRegistry, clients.soleWriter(bootstrapServers));
        return new ConsumerLoop(settings, clients.localDelivery());
    }
}
