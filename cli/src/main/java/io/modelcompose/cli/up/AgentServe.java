package io.modelcompose.cli.up;

import io.modelcompose.cli.docker.BaseImage;
import io.modelcompose.cli.docker.DockerSession;
import io.modelcompose.cli.docker.ProjectContext;
import io.modelcompose.runtimeagent.docker.DockerAvailability;
import io.modelcompose.runtimeagent.docker.DockerExecutor;
import io.modelcompose.runtimeagent.image.ImageService;
import io.modelcompose.runtimeagent.image.RegistryAuths;
import io.modelcompose.runtimeagent.AgentOptions;
import io.modelcompose.runtimeagent.RuntimeAgentVerticle;
import io.modelcompose.cli.runtime.ExitCodes;
import io.modelcompose.cli.metrics.MetricsServer;
import io.modelcompose.cli.metrics.Telemetry;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.event.Topics;
import io.modelcompose.transport.KafkaClients;
import io.modelcompose.transport.KafkaSettings;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code compose-cli serve runtime-agent}: the runtime-agent of one host as a Kafka service, until Ctrl+C. It can
 * build the default image of a project from this process's jars (base image as for {@code up}).
 */
public final class AgentServe {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeAgentVerticle.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    static final String HOST_ID_ENV = "COMPOSE_HOST_ID";

    private final String bootstrapServers;
    private final String topicPrefix;
    private final String hostId;
    private final Path workDir;
    private final Map<String, String> env;
    private int metricsPort;
    private String metricsHost;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * @param workDir the agent's folder (command files, folders of projects without a folder on this host)
     * @param env the environment ({@code COMPOSE_BASE_IMAGE})
     */
    public AgentServe(String bootstrapServers, String topicPrefix, String hostId, Path workDir,
            Map<String, String> env) {
        this.bootstrapServers = bootstrapServers;
        this.topicPrefix = topicPrefix;
        this.hostId = hostId;
        this.workDir = workDir;
        this.env = Map.copyOf(env);
    }

    /** Also serves {@code /metrics} and {@code /health} on {@code host:port} when {@code port} is positive. */
    public AgentServe withMetrics(int port, String host) {
        this.metricsPort = port;
        this.metricsHost = host;
        return this;
    }

    public int run() throws Exception {
        DockerAvailability engine = DockerAvailability.check();
        if (!engine.available()) {
            throw new ComposeException(ErrorCode.UNAVAILABLE, "the runtime-agent needs a Docker engine: "
                    + engine.describe());
        }
        Thread hook = new Thread(this::onSignal, "runtime-agent-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        DockerExecutor docker = DockerExecutor.fromEnvironment();
        Telemetry telemetry = Telemetry.fromEnv(env);
        Vertx vertx = telemetry.createVertx(new VertxOptions());
        try {
            AgentOptions options = agentOptions(docker, new KafkaSettings(bootstrapServers, new Topics(topicPrefix),
                    InstanceIds.next(), KafkaClients.create()), hostId, workDir, env, LOG::info);
            vertx.deployVerticle(new RuntimeAgentVerticle(options, docker, telemetry.registry())).toCompletionStage()
                    .toCompletableFuture().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            MetricsServer.serveIfAsked(vertx, telemetry, metricsHost, metricsPort);
            LOG.info("serving the commands of host '{}' from {} (Kafka {}); stop with Ctrl+C",
                    hostId, options.kafka().topics().agentCommands(), bootstrapServers);
            stopRequested.await();
            LOG.info("stopping the runtime-agent");
            return ExitCodes.OK;
        } finally {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("closing Vert.x: {}", e.toString());
            }
            docker.close();
            telemetry.close();
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running
            }
        }
    }

    /**
     * The agent's options: it builds the default image of a project from this process's jars. Blocks briefly.
     *
     * @param log told when the base image falls back to a registry image
     */
    public static AgentOptions agentOptions(DockerExecutor docker, KafkaSettings kafka, String hostId, Path workDir,
            Map<String, String> env, Consumer<String> log) {
        ImageService images = new ImageService(docker, RegistryAuths.fromEnvironment());
        String base = BaseImage.choose(env, ref -> DockerSession.await(images.localImageId(ref),
                Duration.ofSeconds(30)).isPresent(), log);
        return AgentOptions.of(kafka, hostId, workDir).withGeneratedImage(BaseImage.buildArgs(base),
                ProjectContext.forAgent());
    }

    /** {@code COMPOSE_HOST_ID}, else this machine's host name. */
    public static String defaultHostId(Map<String, String> env) {
        String configured = env.get(HOST_ID_ENV);
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private void onSignal() {
        stopRequested.countDown();
        try {
            stopped.await(40, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
