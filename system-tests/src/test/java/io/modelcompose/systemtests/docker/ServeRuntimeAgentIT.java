package io.modelcompose.systemtests.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modelcompose.cli.ComposeCli;
import io.modelcompose.shared.event.AgentEvents.AgentCommand;
import io.modelcompose.shared.event.AgentEvents.AgentEvent;
import io.modelcompose.shared.event.AgentEvents.Kind;
import io.modelcompose.shared.event.ServiceHeartbeat;
import io.modelcompose.shared.event.Topics;
import io.modelcompose.transport.ConsumerLoop;
import io.modelcompose.transport.EventProducer;
import io.modelcompose.transport.KafkaClients;
import io.modelcompose.transport.TopicAdmin;
import io.modelcompose.testkit.docker.LocalImages;
import io.modelcompose.testkit.docker.RequiresDocker;
import io.modelcompose.testkit.kafka.EmbeddedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code compose-cli serve runtime-agent} as its own process on a Kafka cluster: it answers the commands of its host
 * id, including a deploy that needs the project's default image built from the agent's own jars.
 */
@RequiresDocker
class ServeRuntimeAgentIT {
    private final List<Object> events = new CopyOnWriteArrayList<>();
    private DockerProject project;
    private EventProducer producer;
    private ConsumerLoop eventsLoop;
    private Process agent;
    private Topics topics;
    private String hostId;

    @BeforeEach
    void setUp() throws Exception {
        LocalImages.jreBase();
        project = new DockerProject();
        project.removeImageAtClose(project.defaultImage());
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        topics = new Topics(kafka.newTopicPrefix() + "compose");
        hostId = "host-" + project.name;
        project.config("""
                controller:
                  name: %NAME%
                  broker: { bootstrap_servers: "BOOTSTRAP", topic_prefix: "PREFIX" }
                workflow:
                  jobs:
                    - { id: log, component: logger }
                """.replace("BOOTSTRAP", kafka.bootstrapServers()).replace("PREFIX", topics.prefix()));
        TopicAdmin.ensureTopics(kafka.bootstrapServers(), topics);
        KafkaClients clients = KafkaClients.create();
        producer = clients.ownProducer(kafka.bootstrapServers(), "it-serve-agent");
        eventsLoop = clients.consumer(kafka.bootstrapServers(), "it-serve-agent-events")
                .assignAll(List.of(topics.agentEvents(), topics.heartbeats()), true)
                .handler((event, position) -> {
                    events.add(event);
                    return CompletableFuture.completedFuture(null);
                }).build().start();
        agent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ComposeCli.class.getName(),
                "--project-directory", project.dir.toString(), "serve", "runtime-agent", "--host-id", hostId)
                .redirectErrorStream(true)
                .redirectOutput(project.dir.resolve("agent.log").toFile())
                .start();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (agent != null) {
            agent.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (eventsLoop != null) {
            eventsLoop.close();
        }
        if (producer != null) {
            producer.close();
        }
        project.close();
    }

    private AgentCommand send(AgentCommand command) throws Exception {
        producer.send(topics.agentCommands(), command).get(30, TimeUnit.SECONDS);
        return command;
    }

    private AgentEvent awaitEvent(String what, Duration atMost, Predicate<AgentEvent> match) {
        return await(what).atMost(atMost).until(() -> events.stream()
                .filter(e -> e instanceof AgentEvent a && match.test(a)).map(AgentEvent.class::cast)
                .findFirst().orElse(null), e -> e != null);
    }

    private static Predicate<AgentEvent> of(AgentCommand command, Kind kind) {
        return e -> command.commandId().equals(e.commandId()) && e.kind() == kind;
    }

    private String agentLog() throws Exception {
        return Files.readString(project.dir.resolve("agent.log"));
    }

    @Test
    void servesDeploysOfItsHostAndBuildsTheDefaultImageFromItsOwnJars() throws Exception {
        Map<String, Object> sleeping = new LinkedHashMap<>(Map.of("type", "docker",
                "command", List.of("sh", "-c", "echo up; exec sleep 300")));
        Map<String, Object> tree = Map.of("controller", Map.of("port", 8080, "runtime", sleeping),
                "workflow", Map.of("jobs", List.of(Map.of("id", "log", "component", "logger"))));

        AgentCommand built = send(AgentCommand.deploy(hostId, project.name, "controller", sleeping, Map.of(), tree,
                project.dir.toString()));

        await("heartbeat").atMost(Duration.ofSeconds(60)).until(() -> events.stream()
                .anyMatch(e -> e instanceof ServiceHeartbeat h && h.instanceId().equals(hostId)));
        assertThat(awaitEvent("image built", Duration.ofMinutes(3), of(built, Kind.IMAGE_BUILT)).detail())
                .as(agentLog()).isEqualTo(project.defaultImage());
        String id = awaitEvent("started", Duration.ofSeconds(60), of(built, Kind.STARTED)).containerId();
        assertThat(project.client.inspectContainerCmd(id).exec().getState().getRunning()).isTrue();
        assertThat(project.dir.resolve(".docker/app/lib/compose-cli.jar")).exists();
        assertThat(project.dir.resolve(".docker/app/lib/kafka")).isNotEmptyDirectory();

        agent.toHandle().destroy();
        assertThat(agent.waitFor(40, TimeUnit.SECONDS)).as(agentLog()).isTrue();
        assertThat(agentLog()).contains("stopping the runtime-agent");
        assertThat(project.client.inspectContainerCmd(id).exec().getState().getRunning())
                .as("the agent's containers outlive it").isTrue();
    }
}
