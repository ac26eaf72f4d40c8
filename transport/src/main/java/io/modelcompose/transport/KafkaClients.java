package io.modelcompose.transport;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Kafka clients of one process, created once by whoever assembles the roles and handed to each of them (inside
 * {@link KafkaSettings}). It owns what the roles of the process share: one idempotent producer per cluster (their
 * records then travel in the same requests, which costs the broker and this process far less than one producer per
 * role), the registry of {@link LocalDelivery} (records this process wrote reach its readers without a fetch) and
 * the clusters this process alone writes to (their consumers fetch less eagerly, {@link ClientDefaults}).
 */
public final class KafkaClients {
    private final Options options;
    private final LocalDelivery localDelivery;
    /** Shared producers by cluster (guarded by itself). */
    private final Map<String, SharedProducer> shared = new HashMap<>();

    private KafkaClients(Options options) {
        this.options = options;
        this.localDelivery = options.localDelivery() ? new LocalDelivery() : null;
    }

    /** Clients with local delivery and no sole-writer cluster. */
    public static KafkaClients create() {
        return new KafkaClients(Options.defaults());
    }

    public static KafkaClients create(Options options) {
        return new KafkaClients(options);
    }

    /**
     * What the clients of a process do.
     *
     * @param localDelivery whether records this process wrote go to its readers once acknowledged
     * @param soleWriterClusters bootstrap addresses of the clusters whose every record this process writes (all
     *     roles in one process on the broker it started itself): their consumers fetch in fewer, fuller fetches
     */
    public record Options(boolean localDelivery, Set<String> soleWriterClusters) {
        public Options {
            soleWriterClusters = Set.copyOf(soleWriterClusters);
        }

        public static Options defaults() {
            return new Options(true, Set.of());
        }

        /** These options, with this process the only writer on {@code bootstrapServers}. */
        public Options withSoleWriter(String bootstrapServers) {
            Set<String> clusters = new java.util.HashSet<>(soleWriterClusters);
            clusters.add(bootstrapServers);
            return new Options(localDelivery, clusters);
        }
    }

    public Options options() {
        return options;
    }

    /** A handle on this process's producer for the cluster; the producer closes when its last handle does. */
    public EventProducer sharedProducer(String bootstrapServers, String clientId) {
        synchronized (shared) {
            SharedProducer entry = shared.computeIfAbsent(bootstrapServers,
                    b -> new SharedProducer(EventProducer.create(b, clientId + "-shared")));
            entry.handles++;
            return new EventProducer(entry.producer, bootstrapServers, localDelivery, () -> release(bootstrapServers));
        }
    }

    /** A producer of its own (closed with its handle); its records still reach this process's readers. */
    public EventProducer ownProducer(String bootstrapServers, String clientId) {
        return new EventProducer(EventProducer.create(bootstrapServers, clientId), bootstrapServers, localDelivery,
                () -> true);
    }

    /** Settings of a consumer loop of this process on the cluster; {@link ConsumerLoopBuilder#build()} creates it. */
    public ConsumerLoopBuilder consumer(String bootstrapServers, String name) {
        return new ConsumerLoopBuilder(this, bootstrapServers, name);
    }

    /** Whether consumers of this cluster may count on local delivery for every record (fewer, fuller fetches). */
    boolean soleWriter(String bootstrapServers) {
        return localDelivery != null && options.soleWriterClusters().contains(bootstrapServers);
    }

    /** The local-delivery registry, or null when local delivery is off. */
    LocalDelivery localDelivery() {
        return localDelivery;
    }

    /** One handle fewer; answers whether it was the last one (the caller then closes the producer). */
    private boolean release(String bootstrapServers) {
        synchronized (shared) {
            SharedProducer entry = shared.get(bootstrapServers);
            if (--entry.handles > 0) {
                return false; // the others keep the producer, which still delivers this handle's records
            }
            shared.remove(bootstrapServers);
            return true;
        }
    }

    /** How many shared producers are open. */
    int sharedProducers() {
        synchronized (shared) {
            return shared.size();
        }
    }

    /** One shared producer and how many handles use it (guarded by {@link #shared}). */
    private static final class SharedProducer {
        private final org.apache.kafka.clients.producer.KafkaProducer<String, byte[]> producer;
        private int handles;

        SharedProducer(org.apache.kafka.clients.producer.KafkaProducer<String, byte[]> producer) {
            this.producer = producer;
        }
    }
}
