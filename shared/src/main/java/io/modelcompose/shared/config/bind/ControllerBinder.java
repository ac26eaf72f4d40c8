package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.BrokerConfig;
import io.modelcompose.shared.config.ControllerConfig;
import io.modelcompose.shared.config.QueueConfig;
import io.modelcompose.shared.config.QueueSubscriberConfig;
import io.modelcompose.shared.config.RuntimeConfig;
import io.modelcompose.shared.config.tree.SourceLocation;
import io.modelcompose.shared.config.tree.ConfigPath;
import io.modelcompose.shared.config.tree.YList;
import io.modelcompose.shared.config.tree.YMap;
import io.modelcompose.shared.config.tree.YNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Binds {@code controller}, in the seed's shape ({@code type}, {@code host}, {@code port}, {@code base_path} on the
 * controller) or the newer one ({@code adapter: {type, host, port, base_path}}, or an {@code adapters:} list of
 * one). A missing controller gets every default. A {@code queue-subscriber} adapter and {@code queue} are bound by
 * {@link QueueBinder}.
 */
final class ControllerBinder {
    static final String HTTP_SERVER = "http-server";
    static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    private static final Set<String> ADAPTER_KEYS = Set.of("type", "host", "port", "base_path");
    private static final Set<String> KEYS = Set.of("name", "type", "host", "port", "base_path",
            "max_concurrent_count", "threaded", "runtime", "broker", "shutdown_timeout", "adapters", "adapter",
            "api_token", "webui", "queue");

    private ControllerBinder() {
    }

    static ControllerConfig bind(YNode node, BindContext context) {
        if (node == null) {
            return new ControllerConfig(null, HTTP_SERVER, ControllerConfig.DEFAULT_HOST,
                    ControllerConfig.DEFAULT_PORT, "", 0, false, RuntimeConfig.NATIVE, null, DEFAULT_SHUTDOWN_TIMEOUT,
                    SourceLocation.UNKNOWN);
        }
        Fields controller = Fields.of(node, "controller", context.problems);
        controller.allowOnly(KEYS, UpstreamKeys.CONTROLLER);
        Fields adapter = adapter(controller);
        QueueConfig queue = QueueBinder.queue(controller);
        context.queue(queue);
        QueueSubscriberConfig subscriber = null;
        String type = HTTP_SERVER;
        Fields listener = adapter;
        int maxConcurrent;
        if (adapter != controller && QueueSubscriberConfig.TYPE.equals(adapter.string("type"))) {
            type = QueueSubscriberConfig.TYPE;
            subscriber = QueueBinder.subscriber(adapter, context);
            listener = QueueBinder.isKafka(adapter) ? adapter
                    : Fields.of(YMap.empty(adapter.location()), adapter.path(), controller.problems());
            maxConcurrent = QueueBinder.subscriberConcurrency(adapter, controller);
        } else {
            if (adapter != controller) {
                adapter.allowOnly(ADAPTER_KEYS);
            }
            type = adapter.choice("type", HTTP_SERVER, List.of(HTTP_SERVER, QueueSubscriberConfig.TYPE));
            maxConcurrent = controller.integer("max_concurrent_count", 0, 0, Integer.MAX_VALUE);
        }
        return new ControllerConfig(
                controller.string("name"),
                type,
                listener.string("host", ControllerConfig.DEFAULT_HOST),
                listener.integer("port", ControllerConfig.DEFAULT_PORT, 1, 65535),
                basePath(listener.string("base_path")),
                maxConcurrent,
                controller.bool("threaded", false),
                RuntimeBinder.bind(controller.node("runtime"), controller.path("runtime"), true, context),
                broker(controller),
                controller.duration("shutdown_timeout", DEFAULT_SHUTDOWN_TIMEOUT),
                controller.location(),
                blankAsNull(controller.string("api_token")),
                WebUiBinder.bind(controller),
                queue,
                subscriber);
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /**
     * The fields holding type/host/port/base_path: the single adapter if one is declared ({@code adapter:} or an
     * {@code adapters:} list of one), else the controller.
     */
    private static Fields adapter(Fields controller) {
        if (controller.has("adapter")) {
            if (controller.has("adapters")) {
                controller.problem("adapter", "use either 'adapter' or 'adapters', not both");
            }
            return singleAdapter(controller, controller.node("adapter"), controller.path("adapter"));
        }
        YList adapters = controller.list("adapters");
        if (adapters == null) {
            return controller;
        }
        if (adapters.items().size() != 1) {
            controller.problem("adapters", "exactly one adapter is supported, found " + adapters.items().size());
            return controller;
        }
        return singleAdapter(controller, adapters.items().get(0), ConfigPath.index(controller.path("adapters"), 0));
    }

    private static Fields singleAdapter(Fields controller, YNode node, String path) {
        for (String key : ADAPTER_KEYS) {
            if (controller.map().has(key)) {
                controller.problem(key, "'" + key + "' is written both on the controller and in its adapter");
            }
        }
        return Fields.of(node, path, controller.problems());
    }

    /** Starts with '/', does not end with it; "" when not set or "/". */
    static String basePath(String written) {
        if (written == null) {
            return "";
        }
        String path = written.trim();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.isEmpty() || path.startsWith("/") ? path : "/" + path;
    }

    private static BrokerConfig broker(Fields controller) {
        YNode node = controller.node("broker");
        if (node == null) {
            return null;
        }
        Fields broker = Fields.of(node, controller.path("broker"), controller.problems());
        broker.allowOnly(Set.of("bootstrap_servers", "topic_prefix"));
        broker.requireKey("bootstrap_servers", " (host:port, comma-separated)");
        List<String> servers = broker.strings("bootstrap_servers");
        if (!(node instanceof YMap)) {
            return null;
        }
        return new BrokerConfig(String.join(",", servers),
                broker.string("topic_prefix", BrokerConfig.DEFAULT_TOPIC_PREFIX));
    }
}
