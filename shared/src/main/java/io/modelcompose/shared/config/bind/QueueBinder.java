package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.QueueConfig;
import io.modelcompose.shared.config.QueueSubscriberConfig;
import io.modelcompose.shared.config.tree.YNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds {@code controller.queue} (the dispatcher) and a {@code queue-subscriber} adapter, upstream's Redis shapes
 * mapped onto Kafka: {@code driver: kafka} with {@code bootstrap_servers} and {@code name} (the subscriber set's topic
 * prefix). Any other driver, upstream's {@code redis} included, is one problem at {@code driver} that shows the
 * equivalent Kafka config; the Redis connection keys beside it are not blamed a second time.
 */
final class QueueBinder {
    private static final Set<String> QUEUE_KEYS = Set.of("driver", "bootstrap_servers", "name", "timeout");
    private static final Map<String, String> QUEUE_UNUSED = Map.of(
            "max_blob_size", "values travel inside the run's records (no blob keys)",
            "blob_ttl", "values travel inside the run's records (no blob keys)");
    private static final Set<String> SUBSCRIBER_KEYS = Set.of("type", "driver", "bootstrap_servers", "name",
            "workflows", "workflow", "max_concurrent_count", "host", "port", "base_path");
    private static final Map<String, String> SUBSCRIBER_UNUSED = Map.of(
            "result_ttl", "finished runs are kept by the set's own retention (at least 1 hour)",
            "worker_id", "workers are named by the set");

    private QueueBinder() {
    }

    /**
     * {@code controller.queue}, or null when absent. A queue that is not a Kafka one is reported and still returned,
     * so that the workflows it would serve are not blamed as unknown too.
     */
    static QueueConfig queue(Fields controller) {
        YNode node = controller.node("queue");
        if (node == null) {
            return null;
        }
        Fields queue = Fields.of(node, controller.path("queue"), controller.problems());
        if (!kafkaDriver(queue, "queue: {")) {
            return new QueueConfig(null, QueueConfig.DEFAULT_NAME, Duration.ZERO, queue.location());
        }
        queue.allowOnly(QUEUE_KEYS, QUEUE_UNUSED);
        return new QueueConfig(servers(queue), queue.string("name", QueueConfig.DEFAULT_NAME),
                queue.duration("timeout", Duration.ZERO), queue.location());
    }

    /** A queue-subscriber adapter (one that is not a Kafka one is reported; its other keys are not read). */
    static QueueSubscriberConfig subscriber(Fields adapter, BindContext context) {
        if (!kafkaDriver(adapter, "adapter: {type: queue-subscriber, ")) {
            return new QueueSubscriberConfig(null, QueueConfig.DEFAULT_NAME, List.of(), adapter.location());
        }
        adapter.allowOnly(SUBSCRIBER_KEYS, SUBSCRIBER_UNUSED);
        String key = adapter.has("workflows") ? "workflows" : "workflow";
        if (adapter.has("workflows") && adapter.has("workflow")) {
            adapter.problem("workflow", "use either 'workflow' or 'workflows', not both");
        }
        List<String> workflows = adapter.strings(key);
        for (String id : workflows) {
            if (!context.hasWorkflow(id)) {
                adapter.problem(key, "unknown workflow '" + id + "'");
            }
        }
        return new QueueSubscriberConfig(servers(adapter), adapter.string("name", QueueConfig.DEFAULT_NAME),
                workflows, adapter.location());
    }

    /** Runs the subscriber set takes at once: upstream's per-worker default is 1. */
    static int subscriberConcurrency(Fields adapter, Fields controller) {
        if (adapter.has("max_concurrent_count")) {
            return adapter.integer("max_concurrent_count", 1, 1, Integer.MAX_VALUE);
        }
        return controller.integer("max_concurrent_count", 1, 0, Integer.MAX_VALUE);
    }

    /** True for {@code driver: kafka}. */
    static boolean isKafka(Fields fields) {
        return QueueConfig.KAFKA.equals(fields.string("driver"));
    }

    private static String servers(Fields fields) {
        List<String> servers = fields.strings("bootstrap_servers");
        return servers.isEmpty() ? null : String.join(",", servers);
    }

    /**
     * True for {@code driver: kafka}; otherwise reports why, with the equivalent Kafka config (its other keys are then
     * not checked: they are Redis's).
     */
    private static boolean kafkaDriver(Fields fields, String shape) {
        String driver = fields.string("driver");
        if (QueueConfig.KAFKA.equals(driver)) {
            return true;
        }
        String equivalent = shape + "driver: kafka, bootstrap_servers: \"" + brokerGuess(fields) + "\", name: "
                + fields.string("name", QueueConfig.DEFAULT_NAME) + "}";
        String written = driver == null ? "a 'driver' is required" : "driver '" + driver + "' is not served";
        fields.problem(driver == null ? null : "driver", written + ": this set dispatches runs over Kafka, not "
                + "Redis; the equivalent config is " + equivalent);
        return false;
    }

    private static String brokerGuess(Fields fields) {
        String host = fields.has("host") ? fields.string("host") : "localhost";
        return host + ":9092";
    }
}
