package io.modelcompose.transport;

import io.modelcompose.shared.event.Topics;

/**
 * How a role reaches Kafka.
 *
 * @param bootstrapServers host:port list
 * @param topics topic names
 * @param instanceId unique id of this process (client ids, worker ids)
 * @param clients the Kafka clients of this process, shared by its roles
 */
public record KafkaSettings(String bootstrapServers, Topics topics, String instanceId, KafkaClients clients) {
    /** A handle on this process's shared producer for the cluster. */
    public EventProducer sharedProducer(String clientId) {
        return clients.sharedProducer(bootstrapServers, clientId);
    }

    /** A producer of its own on the cluster. */
    public EventProducer ownProducer(String clientId) {
        return clients.ownProducer(bootstrapServers, clientId);
    }

    /** Settings of a consumer loop on the cluster. */
    public ConsumerLoopBuilder consumer(String name) {
        return clients.consumer(bootstrapServers, name);
    }
}
