package io.modelcompose.runtimeagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modelcompose.runtimeagent.testing.DockerFixture;
import io.modelcompose.shared.event.AgentEvents.Action;
import io.modelcompose.shared.event.AgentEvents.AgentCommand;
import io.modelcompose.shared.event.AgentEvents.AgentEvent;
import io.modelcompose.shared.event.AgentEvents.Kind;
import io.modelcompose.shared.event.Topics;
import io.modelcompose.transport.ConsumerLoop;
import io.modelcompose.transport.EventProducer;
import io.modelcompose.transport.KafkaClients;
import io.modelcompose.transport.KafkaSettings;
import io.modelcompose.transport.TopicAdmin;
import io.modelcompose.testkit.docker.RequiresDocker;
import io.modelcompose.testkit.kafka.EmbeddedKafka;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent as a Kafka service on the real engine and an embedded broker: commands in, events out, containers
 * watched, found again by a restarted agent, bad input refused before anything is created.
 */
@RequiresDocker
class RuntimeAgentVerticleIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<AgentEvent> EVENTS = new CopyOnWriteArrayList<>();
    private static final KafkaClients CLIENTS = KafkaClients.create();
    private static DockerFixture docker;
    private static Vertx vertx;
    private static EventProducer commands;
    private static ConsumerLoop eventsLoop;
    private static Topics topics;
    private static String bootstrap;
    private static String hostId;
    private static Path workDir;
    private static String agentDeployment;

    @BeforeAll
    static void setUp() throws Exception {
        docker = new DockerFixture();
        hostId = "host-" + docker.project;
        workDir = Files.createTempDirectory("agent-it-");
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        bootstrap = kafka.bootstrapServers();
        topics = new Topics(kafka.newTopicPrefix() + "compose");
        TopicAdmin.ensureTopics(bootstrap, topics);
        commands = CLIENTS.ownProducer(bootstrap, "it-commands");
        eventsLoop = CLIENTS.consumer(bootstrap, "it-agent-events")
                .assignAll(List.of(topics.agentEvents()), true)
                .handler((event, position) -> {
                    if (event instanceof AgentEvent e) {
                        EVENTS.add(e);
                    }
                    return CompletableFuture.completedFuture(null);
                }).build().start();
        vertx = Vertx.vertx();
        agentDeployment = startAgent();
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        if (eventsLoop != null) {
            eventsLoop.close();
        }
        if (commands != null) {
            commands.close();
        }
        if (docker != null) {
            docker.close();
        }
        if (workDir != null) {
            try (var paths = Files.walk(workDir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private static String startAgent() throws Exception {
        AgentOptions options = AgentOptions.of(new KafkaSettings(bootstrap, topics, "it", CLIENTS), hostId, workDir)
                .withWatchInterval(Duration.ofMillis(300));
        return vertx.deployVerticle(new RuntimeAgentVerticle(options, docker.executor))
                .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private static Map<String, Object> runtime(Object... keyValues) {
        Map<String, Object> runtime = new LinkedHashMap<>();
        runtime.put("type", "docker");
        runtime.put("image", docker.jreBase);
        for (int i = 0; i < keyValues.length; i += 2) {
            runtime.put((String) keyValues[i], keyValues[i + 1]);
        }
        return runtime;
    }

    private static AgentCommand send(AgentCommand command) throws Exception {
        commands.send(topics.agentCommands(), command).get(30, TimeUnit.SECONDS);
        return command;
    }

    private static AgentCommand deploy(String service, Map<String, Object> runtime) throws Exception {
        return send(AgentCommand.deploy(hostId, docker.project, service, runtime, Map.of(), null,
                workDir.toString()));
    }

    private static AgentEvent awaitEvent(String what, Predicate<AgentEvent> match) {
        return await(what).atMost(WAIT).until(() -> EVENTS.stream().filter(match).findFirst().orElse(null),
                e -> e != null);
    }

    private static Predicate<AgentEvent> of(AgentCommand command, Kind kind) {
        return e -> command.commandId().equals(e.commandId()) && e.kind() == kind;
    }

    private static Predicate<AgentEvent> about(String containerId, Kind kind) {
        return e -> containerId.equals(e.containerId()) && e.kind() == kind;
    }

    @Test
    void deploysWatchesAndFindsItsContainerAgainAfterARestart() throws Exception {
        AgentCommand deploy = deploy("svc", runtime("container_name", docker.project + "-svc",
                "command", List.of("sh", "-c", "echo hello from svc; trap 'exit 0' TERM; while true; do sleep 1; done"),
                "healthcheck", Map.of("test", "true", "interval", "1s", "timeout", "2s", "max_retry_count", 3,
                        "start_period", "1s")));

        String id = awaitEvent("created", of(deploy, Kind.CONTAINER_CREATED)).containerId();
        awaitEvent("started", of(deploy, Kind.STARTED));
        awaitEvent("healthy", about(id, Kind.HEALTHY));
        assertThat(docker.inspect(id).getConfig().getLabels()).containsEntry(CommandOptions.HOST_LABEL, hostId)
                .containsEntry("compose.service", "svc");

        AgentCommand logs = send(AgentCommand.control(hostId, Action.LOGS, docker.project, "svc", null));
        assertThat(awaitEvent("logs", of(logs, Kind.LOGS)).detail()).contains("hello from svc");

        vertx.undeploy(agentDeployment).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        agentDeployment = startAgent();
        assertThat(awaitEvent("found", about(id, Kind.FOUND)).detail()).isEqualTo("running (healthy)");

        docker.client.killContainerCmd(id).exec();
        assertThat(awaitEvent("exited", about(id, Kind.EXITED)).detail()).isEqualTo("exit code 137");

        AgentCommand remove = send(AgentCommand.control(hostId, Action.REMOVE, docker.project, "svc", id));
        awaitEvent("removed", of(remove, Kind.REMOVED));
        assertThat(DockerFixture.await(docker.containers.inspect(id))).isEmpty();
    }

    @Test
    void stopsAContainerAndReportsItsExit() throws Exception {
        AgentCommand deploy = deploy("stoppable", runtime("container_name", docker.project + "-stoppable",
                "command", List.of("sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done")));
        String id = awaitEvent("started", of(deploy, Kind.STARTED)).containerId();

        send(AgentCommand.control(hostId, Action.STOP, docker.project, "stoppable", null));

        assertThat(awaitEvent("exited", about(id, Kind.EXITED)).detail()).isEqualTo("exit code 0");
        assertThat(docker.inspect(id).getState().getStatus()).isEqualTo("exited");
    }

    @Test
    void ignoresCommandsForOtherHosts() throws Exception {
        AgentCommand elsewhere = send(AgentCommand.deploy("elsewhere", docker.project, "other",
                runtime("container_name", docker.project + "-other"), Map.of(), null, null));
        AgentCommand mine = send(AgentCommand.control(hostId, Action.LOGS, docker.project, "nothing-here", null));

        assertThat(awaitEvent("failed", of(mine, Kind.COMMAND_FAILED)).detail())
                .isEqualTo("no container of " + docker.project + "/nothing-here on host " + hostId);
        assertThat(EVENTS).noneMatch(e -> elsewhere.commandId().equals(e.commandId()));
        assertThat(DockerFixture.await(docker.containers.inspect(docker.project + "-other"))).isEmpty();
    }

    @Test
    void refusesBadOptionsBeforeAnythingIsCreated() throws Exception {
        String network = docker.project + "-missing-net";
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("controller.runtime.mem_limit", runtime("mem_limit", "2x"));
        cases.put("controller.runtime.ports[0]", runtime("ports", List.of("99999:80")));
        cases.put("env file '.env.nowhere' not found", runtime("env_file", List.of(".env.nowhere")));
        cases.put("network '" + network + "' does not exist", runtime("networks", List.of(network)));
        cases.put("unknown key 'mem_limt'", runtime("mem_limt", "2g"));
        int index = 0;
        for (Map.Entry<String, Map<String, Object>> bad : cases.entrySet()) {
            String service = "bad" + index++;
            String name = docker.project + "-" + service;
            bad.getValue().put("container_name", name);
            AgentCommand command = deploy(service, bad.getValue());

            assertThat(awaitEvent(bad.getKey(), of(command, Kind.COMMAND_FAILED)).detail()).contains(bad.getKey());
            assertThat(DockerFixture.await(docker.containers.inspect(name))).as(name).isEmpty();
        }
    }

    @Test
    void refusesAnExpiredCommand() throws Exception {
        AgentCommand fresh = AgentCommand.control(hostId, Action.STOP, docker.project, "old", null);
        AgentCommand old = send(new AgentCommand(1, fresh.commandId(), hostId, Action.STOP, docker.project, "old",
                null, null, null, null, null, null, null, System.currentTimeMillis() - Duration.ofHours(1).toMillis()));

        assertThat(awaitEvent("expired", of(old, Kind.COMMAND_FAILED)).detail()).startsWith("command expired");
    }
}
