package io.modelcompose.shared.config;

import io.modelcompose.shared.config.tree.SourceLocation;
import java.time.Duration;

/**
 * {@code controller.queue}: where the runs of workflows not defined in this file go. Upstream dispatches them to a
 * Redis list {@code <name>:<workflow_id>}; here they are {@code RunRequested} records on the topics of the queue
 * subscriber's set, whose topic prefix is {@code name}.
 *
 * @param bootstrapServers the subscriber set's Kafka cluster (host:port, comma-separated), or null for this set's own
 * @param name the subscriber set's topic prefix ({@code controller-queue} by default, as upstream's queue name)
 * @param timeout longest wait for a remote run when its job has no timeout; zero = no limit (upstream's default)
 * @param location where {@code queue} was declared
 */
public record QueueConfig(String bootstrapServers, String name, Duration timeout, SourceLocation location) {
    public static final String KAFKA = "kafka";
    public static final String DEFAULT_NAME = "controller-queue";
}
