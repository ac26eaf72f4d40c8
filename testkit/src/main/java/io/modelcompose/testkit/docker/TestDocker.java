package io.modelcompose.testkit.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.time.Duration;

/** docker-java clients for tests: zerodep transport, {@code DOCKER_HOST} honoured, API version not pinned. */
public final class TestDocker {
    private TestDocker() {
    }

    /** A new client; close it when done. */
    public static DockerClient newClient() {
        return newClient(Duration.ofSeconds(10));
    }

    static DockerClient newClient(Duration connectTimeout) {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        return DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(connectTimeout)
                .build());
    }

    /** The engine address the environment selects. */
    static String host() {
        return DefaultDockerClientConfig.createDefaultConfigBuilder().build().getDockerHost().toString();
    }
}
