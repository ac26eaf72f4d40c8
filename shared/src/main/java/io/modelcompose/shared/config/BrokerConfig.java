package io.modelcompose.shared.config;

/**
 * An external Kafka cluster.
 *
 * @param bootstrapServers comma-separated host:port list
 * @param topicPrefix prefix of every topic name (default {@code compose})
 */
public record BrokerConfig(String bootstrapServers, String topicPrefix) {
    public static final String DEFAULT_TOPIC_PREFIX = "compose";
}
