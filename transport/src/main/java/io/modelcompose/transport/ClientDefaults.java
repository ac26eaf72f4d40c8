package io.modelcompose.transport;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/** Settings every Kafka client of the service set shares. */
public final class ClientDefaults {
    /**
     * How long a client keeps a connection nobody uses (Kafka's default: 9 minutes for consumers and producers).
     * Each client's first connection, to the bootstrap address, goes idle once it knows the broker's own address and
     * connects there. Every open descriptor of the process costs each process start (a shell job) a little, so idle
     * ones are closed soon; busy connections (fetches, heartbeats every second) never reach this.
     */
    public static final int CONNECTIONS_MAX_IDLE_MS = 30_000;
    /**
     * How long a fetch may wait for more records on a cluster this process alone writes to (it gets them by
     * {@link LocalDelivery} first): a few full fetches a second instead of one per record (about a third less CPU per
     * shell chain of the service-set bench). A record of another writer arrives this much later at worst.
     */
    static final int SOLE_WRITER_FETCH_WAIT_MS = 100;
    private static final int SOLE_WRITER_FETCH_MIN_BYTES = 1024 * 1024;

    private ClientDefaults() {
    }

    /**
     * Fetch settings for a consumer; {@code soleWriter}: this process writes every record of the cluster
     * ({@link KafkaClients.Options#soleWriterClusters()}) and gets them by local delivery, so it fetches less eagerly.
     */
    static void fetchSettings(boolean soleWriter, Properties props) {
        // Otherwise the broker answers a fetch as soon as a record arrives; the wait only bounds idle fetches
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, soleWriter ? SOLE_WRITER_FETCH_WAIT_MS : 500);
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, soleWriter ? SOLE_WRITER_FETCH_MIN_BYTES : 1);
    }
}
