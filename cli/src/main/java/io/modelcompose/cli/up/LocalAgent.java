package io.modelcompose.cli.up;

import io.micrometer.core.instrument.MeterRegistry;
import io.modelcompose.runtimeagent.docker.DockerAvailability;
import io.modelcompose.runtimeagent.docker.DockerExecutor;
import io.modelcompose.runtimeagent.AgentOptions;
import io.modelcompose.runtimeagent.RuntimeAgentVerticle;
import io.modelcompose.transport.KafkaSettings;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime-agent of this host inside a native {@code up} (SPEC §1): deployed beside the other roles when a Docker
 * engine answers, so that deploy commands for this host are served; without an engine the native runtime goes on
 * without it and says so once.
 */
final class LocalAgent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("compose");
    private final DockerExecutor docker;
    private final String hostId;

    private LocalAgent(DockerExecutor docker, String hostId) {
        this.docker = docker;
        this.hostId = hostId;
    }

    /** Deploys the agent (blocking up to two minutes), or answers empty when no Docker engine answers. */
    static Optional<LocalAgent> start(Vertx vertx, KafkaSettings kafka, Path workDir, Map<String, String> env,
            MeterRegistry registry) throws Exception {
        DockerAvailability engine = DockerAvailability.check();
        if (!engine.available()) {
            // Nothing of a native up uses Docker, so its absence is not news at the default level
            LOG.debug("runtime-agent not started ({}); the native runtime does not need it", engine.describe());
            return Optional.empty();
        }
        DockerExecutor docker = DockerExecutor.fromEnvironment();
        String hostId = AgentServe.defaultHostId(env);
        try {
            AgentOptions options = AgentServe.agentOptions(docker, kafka, hostId, workDir, env, LOG::debug);
            vertx.deployVerticle(new RuntimeAgentVerticle(options, docker, registry)).toCompletionStage()
                    .toCompletableFuture().get(2, TimeUnit.MINUTES);
            return Optional.of(new LocalAgent(docker, hostId));
        } catch (Exception e) {
            docker.close();
            throw e;
        }
    }

    String hostId() {
        return hostId;
    }

    /** Closes the Docker client; the verticle itself stops with Vert.x. */
    @Override
    public void close() {
        docker.close();
    }
}
