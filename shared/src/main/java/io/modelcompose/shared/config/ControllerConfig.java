package io.modelcompose.shared.config;

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
        SourceLocation location) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_HOST = "127.0.0.1";
}
