package io.modelcompose.runtimeagent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.time.Duration;

/**
 * Creates docker-java clients on the zerodep transport. {@code DOCKER_HOST} is honoured (default: the local unix
 * socket) and the API version is never pinned, so requests use unversioned paths and the engine's own version.
 */
public final class DockerClients {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_CONNECTIONS = 50;

    private DockerClients() {
    }

    /** A client for the engine named by the environment ({@code DOCKER_HOST}, else the default socket). */
    public static DockerClient fromEnvironment() {
        return create(DefaultDockerClientConfig.createDefaultConfigBuilder().build(), CONNECT_TIMEOUT);
    }

    /** A client for this config; {@code connectTimeout} bounds the connection attempt only, never a stream. */
    public static DockerClient create(DockerClientConfig config, Duration connectTimeout) {
        DockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(MAX_CONNECTIONS)
                .connectionTimeout(connectTimeout)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    /** The engine address the environment selects, for messages. */
    public static String hostDescription() {
        return DefaultDockerClientConfig.createDefaultConfigBuilder().build().getDockerHost().toString();
    }
}
