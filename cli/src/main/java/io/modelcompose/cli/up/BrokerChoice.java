package io.modelcompose.cli.up;

import io.modelcompose.shared.config.BrokerConfig;
import io.modelcompose.shared.config.ComposeConfig;

/**
 * Which Kafka cluster to use: {@code --kafka}, else {@code KAFKA_BOOTSTRAP_SERVERS} (from the resolved environment),
 * else {@code controller.broker.bootstrap_servers}, else none (the embedded broker).
 *
 * @param bootstrapServers the external cluster, or null for the embedded broker
 * @param topicPrefix the topic prefix
 */
public record BrokerChoice(String bootstrapServers, String topicPrefix) {

    public static BrokerChoice of(String kafkaOption, ComposeConfig config) {
        BrokerConfig broker = config.controller().broker();
        String prefix = broker != null && broker.topicPrefix() != null ? broker.topicPrefix()
                : BrokerConfig.DEFAULT_TOPIC_PREFIX;
        if (kafkaOption != null && !kafkaOption.isBlank()) {
            return new BrokerChoice(kafkaOption, prefix);
        }
        String fromEnv = config.env().get("KAFKA_BOOTSTRAP_SERVERS");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new BrokerChoice(fromEnv, prefix);
        }
        if (broker != null && broker.bootstrapServers() != null && !broker.bootstrapServers().isBlank()) {
            return new BrokerChoice(broker.bootstrapServers(), prefix);
        }
        return new BrokerChoice(null, prefix);
    }

    public boolean embedded() {
        return bootstrapServers == null;
    }
}
