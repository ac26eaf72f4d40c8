package io.modelcompose.cli.up;

import io.modelcompose.runtimeagent.image.DockerContextSpec;
import io.modelcompose.cli.broker.EmbeddedBrokerProcess;
import io.modelcompose.cli.metrics.MetricsServer;
import io.modelcompose.cli.metrics.Telemetry;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.ControllerConfig;
import io.modelcompose.shared.event.Topics;
import io.modelcompose.transport.KafkaClients;
import io.modelcompose.transport.KafkaSettings;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code up} with the native runtime, in the foreground: the broker (embedded child JVM unless a cluster is named),
 * the roles as verticles, then a wait until Ctrl+C or a {@code .stop} file (polled every second), and a graceful
 * stop.
 */
public final class NativeUp {
    private static final Logger LOG = LoggerFactory.getLogger("compose");
    private final ComposeConfig config;
    private final java.nio.file.Path projectDir;
    private final ProjectState state;
    private final BrokerChoice brokerChoice;
    private final Set<ServiceSet.Role> roles;
    private final ServiceSet.Tuning tuning;
    private final int metricsPort;
    private boolean withLocalAgent;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    public NativeUp(ComposeConfig config, java.nio.file.Path projectDir, ProjectState state, BrokerChoice brokerChoice,
            Set<ServiceSet.Role> roles, ServiceSet.Tuning tuning) {
        this(config, projectDir, state, brokerChoice, roles, tuning, 0);
    }

    /**
     * @param metricsPort when positive, {@code /metrics} and {@code /health} are also served on this port (on the
     *     controller's host), for roles without a gateway
     */
    public NativeUp(ComposeConfig config, java.nio.file.Path projectDir, ProjectState state, BrokerChoice brokerChoice,
            Set<ServiceSet.Role> roles, ServiceSet.Tuning tuning, int metricsPort) {
        this.metricsPort = metricsPort;
        this.config = config;
        this.projectDir = projectDir;
        this.state = state;
        this.brokerChoice = brokerChoice;
        this.roles = roles;
        this.tuning = tuning;
    }

    /** Also runs this host's runtime-agent when a Docker engine answers (the whole set of {@code up}). */
    public NativeUp withLocalAgent() {
        this.withLocalAgent = true;
        return this;
    }

    /** Runs until stopped; returns the exit code. */
    public int run() throws Exception {
        Files.deleteIfExists(state.stopFile());
        EmbeddedBrokerProcess broker = null;
        Vertx vertx = null;
        ServiceSet set = null;
        Optional<LocalAgent> agent = Optional.empty();
        Telemetry telemetry = Telemetry.fromEnv(config.env());
        Thread hook = new Thread(this::onSignal, "compose-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            String bootstrap = brokerChoice.bootstrapServers();
            KafkaClients.Options clientOptions = clientOptions();
            if (brokerChoice.embedded()) {
                LOG.info("starting the embedded Kafka broker in {}", state.kafkaDir());
                broker = EmbeddedBrokerProcess.start(state.kafkaDir(), EmbeddedBrokerProcess.locateLibDir(),
                        Duration.ofSeconds(90));
                bootstrap = broker.bootstrapServers();
                // every record there is written by this process: its consumers fetch less eagerly
                clientOptions = clientOptions.withSoleWriter(bootstrap);
            }
            vertx = telemetry.createVertx(EventLoopOptions.forServiceSet());
            Topics topics = brokerChoice.embedded() ? Topics.singleHost(brokerChoice.topicPrefix())
                    : new Topics(brokerChoice.topicPrefix());
            KafkaSettings kafka = new KafkaSettings(bootstrap, topics, InstanceIds.next(),
                    KafkaClients.create(clientOptions));
            LOG.info("starting {} on Kafka {}", describeRoles(), bootstrap);
            set = ServiceSet.deploy(vertx, config, projectDir, kafka, roles, tuning, telemetry)
                    .toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
            MetricsServer.serveIfAsked(vertx, telemetry,
                    Objects.requireNonNullElse(config.controller().host(), ControllerConfig.DEFAULT_HOST), metricsPort);
            // Running (and `up -d` returns) once the set answers; the host's agent is not needed for that.
            state.writeRunning(ProcessHandle.current().pid(), set.gatewayPort());
            if (withLocalAgent) {
                agent = LocalAgent.start(vertx, kafka, state.stateDir().resolve("agent"), config.env(),
                        telemetry.registry());
            }
            LOG.info("compose is up: {} (Kafka {}{}){}", describe(set), bootstrap,
                    agent.map(a -> "; runtime-agent of host '" + a.hostId() + "'").orElse(""),
                    set.gatewayPort() > 0 ? "; stop with Ctrl+C or 'compose-cli down'" : "");
            // A training start of the generated Dockerfile stops once up, so its JVMs record their class-data archives
            if (System.getenv(DockerContextSpec.EXIT_WHEN_UP_ENV) == null) {
                waitForStop();
            }
            LOG.info("stopping gracefully");
            return 0;
        } finally {
            shutdown(set, vertx, broker);
            agent.ifPresent(LocalAgent::close);
            telemetry.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
            stopped.countDown();
        }
    }

    /** Local delivery is on unless {@code -Dcompose.kafka.local-delivery=false}. */
    static KafkaClients.Options clientOptions() {
        boolean localDelivery = !"false".equals(System.getProperty("compose.kafka.local-delivery"));
        return new KafkaClients.Options(localDelivery, Set.of());
    }

    private String describeRoles() {
        return roles.stream().map(r -> r.name().toLowerCase(Locale.ROOT)).sorted()
                .collect(Collectors.joining(", "));
    }

    private String describe(ServiceSet set) {
        if (set.gatewayPort() <= 0) {
            return "roles " + roles;
        }
        String host = config.controller().host();
        return "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : host) + ":" + set.gatewayPort()
                + config.controller().basePath();
    }

    private void waitForStop() throws InterruptedException {
        while (!stopRequested.await(1, TimeUnit.SECONDS)) {
            if (Files.exists(state.stopFile())) {
                LOG.info("found {}", state.stopFile().getFileName());
                return;
            }
        }
    }

    private void onSignal() {
        stopRequested.countDown();
        try {
            stopped.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void shutdown(ServiceSet set, Vertx vertx, EmbeddedBrokerProcess broker) {
        try {
            if (set != null) {
                set.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            LOG.warn("stopping the roles: {}", e.toString());
        }
        if (vertx != null) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("closing Vert.x: {}", e.toString());
            }
        }
        if (broker != null) {
            broker.close();
        }
        try {
            state.clearRunning();
        } catch (IOException e) {
            LOG.warn("cannot clean {}: {}", state.stateDir(), e.toString());
        }
    }
}
