package io.modelcompose.shared.transport;

import io.modelcompose.shared.event.Topics;

/**
 * How a role reaches Kafka.
 *
 * @param bootstrapServers host:port list
 * @param topics topic names
 * @param instanceId unique id of this process (client ids, worker ids)
 */
public record KafkaSettings(String bootstrapServers, Topics topics, String instanceId) {
}
