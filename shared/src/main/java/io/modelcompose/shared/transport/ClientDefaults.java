package io.modelcompose.shared.transport;

import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/** Settings every Kafka client of the service set shares. */
public final class ClientDefaults {
    /**
     * How long a client keeps a connection nobody uses (Kafka's default: 9 minutes for consumers and producers).
     * Each client's first connection, to the bootstrap address, goes idle once it knows the broker's own address and
     * connects there. Every open descriptor of the JVM costs each process start (a shell job) a little, so idle ones
     * are closed soon; busy connections (fetches, heartbeats every second) never reach this.
     */
    public static final int CONNECTIONS_MAX_IDLE_MS = 30_000;
    /**
     * How long a fetch may wait for more records on a cluster this JVM alone writes to (it gets them by
     * {@link LocalDelivery} first): a few full fetches a second instead of one per record (about a third less CPU per
     * shell chain of the service-set bench). A record of another writer arrives this much later at worst.
     */
    static final int SOLE_WRITER_FETCH_WAIT_MS = 100;
    private static final int SOLE_WRITER_FETCH_MIN_BYTES = 1024 * 1024;
    private static final Set<String> SOLE_WRITER_CLUSTERS = ConcurrentHashMap.newKeySet();

    private ClientDefaults() {
    }

    /**
     * Declares that this JVM writes every record its consumers of this cluster read (all roles in one JVM on the
     * broker it started itself): consumers created afterwards fetch less eagerly.
     */
    public static void soleWriter(String bootstrapServers) {
        SOLE_WRITER_CLUSTERS.add(bootstrapServers);
    }

    /** Fetch settings for a consumer of this cluster. */
    static void fetchSettings(String bootstrapServers, Properties props) {
        boolean sole = LocalDelivery.ENABLED && SOLE_WRITER_CLUSTERS.contains(bootstrapServers);
        // Otherwise the broker answers a fetch as soon as a record arrives; the wait only bounds idle fetches
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, sole ? SOLE_WRITER_FETCH_WAIT_MS : 500);
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, sole ? SOLE_WRITER_FETCH_MIN_BYTES : 1);
    }
}
