package io.modelcompose.runtimeagent;

import com.github.dockerjava.api.model.Container;
import io.micrometer.core.instrument.MeterRegistry;
import io.modelcompose.runtimeagent.container.ComposeLabels;
import io.modelcompose.runtimeagent.container.ContainerService;
import io.modelcompose.runtimeagent.docker.DockerExecutor;
import io.modelcompose.runtimeagent.image.ImageService;
import io.modelcompose.runtimeagent.image.RegistryAuths;
import io.modelcompose.shared.event.AgentEvents.AgentCommand;
import io.modelcompose.shared.event.AgentEvents.AgentEvent;
import io.modelcompose.shared.event.AgentEvents.Kind;
import io.modelcompose.shared.event.ComposeEvent;
import io.modelcompose.shared.event.ServiceHeartbeat;
import io.modelcompose.shared.event.Topics;
import io.modelcompose.transport.metrics.MeterRegistries;
import io.modelcompose.transport.ConsumerLoop;
import io.modelcompose.transport.EventProducer;
import io.modelcompose.transport.KafkaSettings;
import io.modelcompose.transport.RecordPosition;
import io.modelcompose.transport.TopicAdmin;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime-agent role: takes the commands addressed to its host from the agent-commands topic (its own consumer
 * group, so a restarted agent resumes after the last command it finished), carries them out with the Docker layer,
 * and publishes image and container events to the agent-events topic. At start it finds the containers it deployed
 * earlier by their host label and watches them again. Commands for one service run one after the other; commands
 * for different services run side by side.
 */
public final class RuntimeAgentVerticle extends VerticleBase {
    static final String ROLE = "runtime-agent";
    private static final long HEARTBEAT_MILLIS = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeAgentVerticle.class);

    private final AgentOptions options;
    private final DockerExecutor docker;
    private final Map<String, Future<Void>> lanes = new HashMap<>();
    private final AgentMetrics metrics;
    private WorkerExecutor admin;
    private EventProducer producer;
    private ConsumerLoop commandsLoop;
    private ContainerWatcher watcher;
    private CommandHandler handler;
    private ContainerService containers;
    private long heartbeatTimer = -1;

    /** An agent on this docker executor (owned by the caller, who closes it after the verticle stops). */
    public RuntimeAgentVerticle(AgentOptions options, DockerExecutor docker) {
        this(options, docker, MeterRegistries.noop());
    }

    /** An agent publishing its meters (container restarts and health, events, consumer lag) to {@code registry}. */
    public RuntimeAgentVerticle(AgentOptions options, DockerExecutor docker, MeterRegistry registry) {
        this.options = options;
        this.docker = docker;
        this.metrics = new AgentMetrics(registry);
    }

    @Override
    public Future<?> start() {
        KafkaSettings kafka = options.kafka();
        Topics topics = kafka.topics();
        containers = new ContainerService(docker);
        DockerDeployer deployer = new DockerDeployer(containers, new ImageService(docker, RegistryAuths.fromEnvironment()));
        watcher = new ContainerWatcher(context, containers, options.watchInterval(), this::observed);
        handler = new CommandHandler(context, options, deployer, containers, watcher, this::caused);
        admin = vertx.createSharedWorkerExecutor("runtime-agent-admin", 2);
        return admin.executeBlocking(() -> {
            TopicAdmin.ensureTopics(kafka.bootstrapServers(), topics);
            EventProducer created = kafka.ownProducer("runtime-agent-" + options.hostId());
            created.warmUp(List.of(topics.agentEvents(), topics.heartbeats(), topics.deadLetter()));
            return created;
        }).compose(created -> {
            producer = created;
            return findOwnContainers();
        }).map(found -> {
            commandsLoop = kafka.consumer("runtime-agent-" + options.hostId())
                    .subscribe(topics.prefix() + "-runtime-agent-" + options.hostId(), List.of(topics.agentCommands()))
                    .deadLetters(producer, topics.deadLetter())
                    .meterRegistry(metrics.clientRegistry())
                    .handler(this::onCommand)
                    .build().start();
            watcher.start();
            heartbeatTimer = vertx.setPeriodic(0, HEARTBEAT_MILLIS, id -> producer.send(topics.heartbeats(),
                    new ServiceHeartbeat(ROLE, options.hostId(), true, System.currentTimeMillis())));
            LOG.info("runtime-agent of host {} is up, watching {} container(s)", options.hostId(), found);
            return null;
        });
    }

    /** Containers this agent watches now. */
    public int watchedCount() {
        return watcher == null ? 0 : watcher.size();
    }

    /** Finds the containers carrying this host's label, reports each as FOUND and watches it; returns the count. */
    private Future<Integer> findOwnContainers() {
        return Future.fromCompletionStage(docker.submit("list the containers of host " + options.hostId(),
                c -> c.listContainersCmd().withShowAll(true)
                        .withLabelFilter(Map.of(CommandOptions.HOST_LABEL, options.hostId())).exec()), context)
                .compose(list -> {
                    List<Future<Void>> watches = new ArrayList<>();
                    for (Container container : list) {
                        watches.add(rewatch(container));
                    }
                    return Future.join(watches).map(v -> list.size());
                });
    }

    private Future<Void> rewatch(Container container) {
        Map<String, String> labels = container.getLabels() == null ? Map.of() : container.getLabels();
        String project = labels.get(ComposeLabels.PROJECT);
        String service = labels.get(ComposeLabels.SERVICE);
        return Future.fromCompletionStage(containers.inspect(container.getId()), context).map(found -> {
            found.ifPresent(response -> {
                ContainerObservation now = ContainerObservation.of(response);
                watcher.watch(response.getId(), project, service, now);
                metrics.found(project, service, now);
                observed(Kind.FOUND, project, service, response.getId(), now.describe());
            });
            return null;
        });
    }

    private CompletionStage<?> onCommand(ComposeEvent event, RecordPosition position) {
        if (!(event instanceof AgentCommand command) || !options.hostId().equals(command.hostId())) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(v -> enqueue(command).onComplete(ar -> done.complete(null)));
        return done;
    }

    /** Runs the command after the earlier commands of the same service (on the context). */
    private Future<Void> enqueue(AgentCommand command) {
        long ageMillis = System.currentTimeMillis() - command.atMillis();
        if (ageMillis > options.commandTtl().toMillis()) {
            caused(Kind.COMMAND_FAILED, command, command.containerId(), "command expired: sent " + ageMillis / 1000
                    + " s ago, time-to-live " + options.commandTtl().toSeconds() + " s; not carried out");
            return Future.succeededFuture();
        }
        String lane = command.project() + "/" + command.service();
        Future<Void> previous = lanes.getOrDefault(lane, Future.succeededFuture());
        Future<Void> next = previous.transform(ar -> handler.handle(command));
        lanes.put(lane, next);
        next.onComplete(ar -> lanes.remove(lane, next));
        return next;
    }

    private void caused(Kind kind, AgentCommand cause, String containerId, String detail) {
        publish(AgentEvent.of(options.hostId(), kind, cause.project(), cause.service(), containerId, detail,
                cause.commandId()));
    }

    private void observed(Kind kind, String project, String service, String containerId, String detail) {
        publish(AgentEvent.of(options.hostId(), kind, project, service, containerId, detail, null));
    }

    private void publish(AgentEvent event) {
        metrics.published(event);
        if (event.kind() != Kind.LOGS) {
            LOG.info("{}/{} {}{}{}", event.project(), event.service(), event.kind(),
                    event.containerId() == null ? "" : " " + shortId(event.containerId()),
                    event.detail() == null ? "" : ": " + event.detail());
        }
        producer.send(options.kafka().topics().agentEvents(), event).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.error("cannot publish {} of {}/{}: {}", event.kind(), event.project(), event.service(),
                        error.toString());
            }
        });
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    @Override
    public Future<?> stop() {
        if (watcher != null) {
            watcher.stop();
        }
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
        }
        return admin.executeBlocking(() -> {
            if (commandsLoop != null) {
                commandsLoop.close();
            }
            if (producer != null) {
                producer.close();
            }
            metrics.close();
            return null;
        }).eventually(() -> admin.close());
    }
}
