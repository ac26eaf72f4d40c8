package io.modelcompose.shared.config;

import io.modelcompose.shared.config.tree.SourceLocation;
import java.time.Duration;

/**
 * The controller: the HTTP API of the deployment and how it is run.
 *
 * @param name project name (container names, labels); null when not set
 * @param type adapter type, {@code http-server}
 * @param host listen address (127.0.0.1 natively by default)
 * @param port listen port (8080 by default)
 * @param basePath optional prefix of the API routes, normalised to start with '/' and not end with it; "" if none
 * @param maxConcurrentCount runs in flight across the whole deployment; 0 = unlimited
 * @param threaded component work runs on worker threads only
 * @param runtime native or docker, with the docker options
 * @param broker an external Kafka cluster, or null for the embedded broker
 * @param shutdownTimeout how long a graceful stop waits for runs in flight
 * @param location where the controller was declared
 * @param apiToken the token every API route but {@code /health} and {@code /readiness} requires
 *     ({@code Authorization: Bearer <token>}); null when not configured ({@code COMPOSE_API_TOKEN} may still set one)
 * @param webui the web UI to serve, or null when {@code webui} is not set
 * @param queue where runs of workflows not defined here go ({@code controller.queue}), or null
 * @param subscriber the queue this set serves (a {@code queue-subscriber} adapter), or null
 */
public record ControllerConfig(
        String name,
        String type,
        String host,
        int port,
        String basePath,
        int maxConcurrentCount,
        boolean threaded,
        RuntimeConfig runtime,
        BrokerConfig broker,
        Duration shutdownTimeout,
        SourceLocation location,
        String apiToken,
        WebUiConfig webui,
        QueueConfig queue,
        QueueSubscriberConfig subscriber) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** A controller without a configured API token. */
    public ControllerConfig(String name, String type, String host, int port, String basePath, int maxConcurrentCount,
            boolean threaded, RuntimeConfig runtime, BrokerConfig broker, Duration shutdownTimeout,
            SourceLocation location) {
        this(name, type, host, port, basePath, maxConcurrentCount, threaded, runtime, broker, shutdownTimeout,
                location, null, null);
    }

    /** A controller without a web UI. */
    public ControllerConfig(String name, String type, String host, int port, String basePath, int maxConcurrentCount,
            boolean threaded, RuntimeConfig runtime, BrokerConfig broker, Duration shutdownTimeout,
            SourceLocation location, String apiToken) {
        this(name, type, host, port, basePath, maxConcurrentCount, threaded, runtime, broker, shutdownTimeout,
                location, apiToken, null);
    }

    /** A controller without a queue. */
    public ControllerConfig(String name, String type, String host, int port, String basePath, int maxConcurrentCount,
            boolean threaded, RuntimeConfig runtime, BrokerConfig broker, Duration shutdownTimeout,
            SourceLocation location, String apiToken, WebUiConfig webui) {
        this(name, type, host, port, basePath, maxConcurrentCount, threaded, runtime, broker, shutdownTimeout,
                location, apiToken, webui, null, null);
    }

    /** The same controller serving this web UI (null for none). */
    public ControllerConfig withWebUi(WebUiConfig ui) {
        return new ControllerConfig(name, type, host, port, basePath, maxConcurrentCount, threaded, runtime, broker,
                shutdownTimeout, location, apiToken, ui, queue, subscriber);
    }

    /** The same controller with this dispatch queue and subscription (null for none). */
    public ControllerConfig withQueues(QueueConfig dispatch, QueueSubscriberConfig subscription) {
        return new ControllerConfig(name, type, host, port, basePath, maxConcurrentCount, threaded, runtime, broker,
                shutdownTimeout, location, apiToken, webui, dispatch, subscription);
    }

    @Override
    public String toString() {
        return "ControllerConfig[name=" + name + ", host=" + host + ", port=" + port + ", basePath=" + basePath
                + ", apiToken=" + (apiToken == null ? "none" : "***") + ", webui=" + webui + ", queue=" + queue
                + ", subscriber=" + subscriber + "]";
    }
}
