package io.modelcompose.cli.up;

import io.modelcompose.shared.config.BrokerConfig;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.QueueSubscriberConfig;

/**
 * Which Kafka cluster to use: {@code --kafka}, else {@code KAFKA_BOOTSTRAP_SERVERS} (from the resolved environment),
 * else a queue-subscriber adapter's {@code bootstrap_servers}, else {@code controller.broker.bootstrap_servers}, else
 * none (the embedded broker). A queue subscriber's topics are named from its queue {@code name}, so the runs a
 * dispatcher sends to that queue land on this set.
 *
 * @param bootstrapServers the external cluster, or null for the embedded broker
 * @param topicPrefix the topic prefix
 */
public record BrokerChoice(String bootstrapServers, String topicPrefix) {

    public static BrokerChoice of(String kafkaOption, ComposeConfig config) {
        BrokerConfig broker = config.controller().broker();
        QueueSubscriberConfig subscriber = config.controller().subscriber();
        String prefix = subscriber != null ? subscriber.name()
                : broker != null && broker.topicPrefix() != null ? broker.topicPrefix()
                : BrokerConfig.DEFAULT_TOPIC_PREFIX;
        if (kafkaOption != null && !kafkaOption.isBlank()) {
            return new BrokerChoice(kafkaOption, prefix);
        }
        String fromEnv = config.env().get("KAFKA_BOOTSTRAP_SERVERS");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new BrokerChoice(fromEnv, prefix);
        }
        if (subscriber != null && subscriber.bootstrapServers() != null) {
            return new BrokerChoice(subscriber.bootstrapServers(), prefix);
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
