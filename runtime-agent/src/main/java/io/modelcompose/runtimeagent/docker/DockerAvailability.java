package io.modelcompose.runtimeagent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import java.io.IOException;
import java.time.Duration;

/**
 * Whether a Docker engine answers, and why not when it does not.
 *
 * @param available the engine answered a version request
 * @param host the engine address that was tried
 * @param apiVersion the engine's API version, or null
 * @param reason why the engine is not available, or null
 */
public record DockerAvailability(boolean available, String host, String apiVersion, String reason) {

    /** Asks the engine selected by the environment for its version (a few seconds at most). */
    public static DockerAvailability check() {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        String host = config.getDockerHost().toString();
        try (DockerClient client = DockerClients.create(config, Duration.ofSeconds(3))) {
            Version version = client.versionCmd().exec();
            return new DockerAvailability(true, host, version.getApiVersion(), null);
        } catch (IOException | RuntimeException e) {
            return new DockerAvailability(false, host, null, EngineErrors.engineMessage(e));
        }
    }

    /** One line for users: where the engine was looked for and what went wrong. */
    public String describe() {
        return available
                ? "Docker engine at " + host + " (API " + apiVersion + ")"
                : "no Docker engine at " + host + ": " + reason;
    }
}
