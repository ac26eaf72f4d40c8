package io.modelcompose.shared.config;

import io.modelcompose.shared.config.tree.SourceLocation;
import java.util.List;

/**
 * A {@code queue-subscriber} adapter: this set serves the runs a dispatcher's {@code controller.queue} sends, on
 * the topics named from {@code name}.
 *
 * @param bootstrapServers the Kafka cluster to attach to (as {@code up --kafka}), or null for the usual choice
 * @param name the topic prefix of this set ({@code controller-queue} by default)
 * @param workflows the workflows this set runs; empty = all
 * @param location where the adapter was declared
 */
public record QueueSubscriberConfig(String bootstrapServers, String name, List<String> workflows,
        SourceLocation location) {
    public static final String TYPE = "queue-subscriber";

    public QueueSubscriberConfig {
        workflows = List.copyOf(workflows);
    }

    /** True when this set runs workflow {@code id}. */
    public boolean serves(String id) {
        return workflows.isEmpty() || workflows.contains(id);
    }
}
