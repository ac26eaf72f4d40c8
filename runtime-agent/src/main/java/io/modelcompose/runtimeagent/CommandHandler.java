package io.modelcompose.runtimeagent;

import com.github.dockerjava.api.model.Container;
import io.modelcompose.runtimeagent.container.ComposeLabels;
import io.modelcompose.runtimeagent.container.ContainerService;
import io.modelcompose.runtimeagent.container.LogStream;
import io.modelcompose.runtimeagent.container.MappingContext;
import io.modelcompose.runtimeagent.docker.EngineErrors;
import io.modelcompose.runtimeagent.image.ImageResult;
import io.modelcompose.shared.config.docker.DockerOptions;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.event.AgentEvents.Action;
import io.modelcompose.shared.event.AgentEvents.AgentCommand;
import io.modelcompose.shared.event.AgentEvents.Kind;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out one command on the agent's context: DEPLOY (bind and check the options, provide the image, create,
 * start, watch), STOP, REMOVE and LOGS of a project's container. Docker calls run on the docker executor. A failure
 * never escapes: it is reported as COMMAND_FAILED with the reason.
 */
final class CommandHandler {
    static final int DEFAULT_TAIL_LINES = 100;
    static final int DEFAULT_STOP_SECONDS = 10;
    static final int MAX_LOG_CHARS = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(CommandHandler.class);

    /** Publishes what a command caused. */
    @FunctionalInterface
    interface Reporter {
        void report(Kind kind, AgentCommand cause, String containerId, String detail);
    }

    private final Context context;
    private final AgentOptions options;
    private final DockerDeployer deployer;
    private final ContainerService containers;
    private final ContainerWatcher watcher;
    private final Reporter reporter;

    CommandHandler(Context context, AgentOptions options, DockerDeployer deployer, ContainerService containers,
            ContainerWatcher watcher, Reporter reporter) {
        this.context = context;
        this.options = options;
        this.deployer = deployer;
        this.containers = containers;
        this.watcher = watcher;
        this.reporter = reporter;
    }

    /** Carries out the command; the future always succeeds (failures are reported). */
    Future<Void> handle(AgentCommand command) {
        Future<Void> done;
        try {
            requireTarget(command);
            done = switch (command.action()) {
                case DEPLOY -> deploy(command);
                case STOP -> stop(command);
                case REMOVE -> remove(command);
                case LOGS -> logs(command);
            };
        } catch (RuntimeException e) {
            done = Future.failedFuture(e);
        }
        return done.recover(failure -> {
            LOG.warn("{} failed: {}", command, message(failure));
            reporter.report(Kind.COMMAND_FAILED, command, command.containerId(), message(failure));
            return Future.succeededFuture();
        });
    }

    private Future<Void> deploy(AgentCommand c) {
        return context.executeBlocking(() -> request(c))
                .compose(request -> Future.fromCompletionStage(deployer.deploy(request), context))
                .map(deployment -> {
                    started(c, deployment);
                    return null;
                });
    }

    private DeployRequest request(AgentCommand c) {
        Path projectDir = projectDir(c);
        Map<String, String> env = c.environment() == null ? Map.of() : c.environment();
        Path file = options.workDir().resolve("commands").resolve(c.commandId() + ".yml");
        String where = "deploy command";
        DockerOptions docker = CommandOptions.forAgent(RuntimeSection.bind(c.runtime(), env, projectDir, file, where),
                options.hostId(), where);
        MappingContext mapping = new MappingContext(c.project(), c.service(), projectDir, "controller.runtime", env,
                env, 0);
        return new DeployRequest(mapping, docker, () -> generatedContext(c, projectDir), options.generatedArgs(),
                line -> LOG.info("[{}/{}] {}", c.project(), c.service(), line), null);
    }

    private void started(AgentCommand c, Deployment deployment) {
        ImageResult image = deployment.image();
        if (image.origin() == ImageResult.Origin.BUILT) {
            reporter.report(Kind.IMAGE_BUILT, c, null, image.reference());
        } else if (image.origin() == ImageResult.Origin.PULLED) {
            reporter.report(Kind.IMAGE_PULLED, c, null, image.reference());
        }
        String id = deployment.container().id();
        deployment.container().warnings().forEach(w -> LOG.warn("[{}/{}] {}", c.project(), c.service(), w));
        reporter.report(Kind.CONTAINER_CREATED, c, id, deployment.container().name());
        reporter.report(Kind.STARTED, c, id, null);
        watcher.watch(id, c.project(), c.service(), ContainerObservation.justStarted());
    }

    private Future<Void> stop(AgentCommand c) {
        return targets(c).compose(ids -> all(ids, id -> Future.fromCompletionStage(
                containers.stop(id, stopTimeout(c)), context)));
    }

    private Future<Void> remove(AgentCommand c) {
        return targets(c).compose(ids -> all(ids, id -> {
            watcher.forget(id);
            return Future.fromCompletionStage(containers.stop(id, stopTimeout(c))
                    .thenCompose(v -> containers.remove(id)), context)
                    .map(v -> {
                        reporter.report(Kind.REMOVED, c, id, null);
                        return null;
                    });
        }));
    }

    private Future<Void> logs(AgentCommand c) {
        int tail = c.tailLines() == null ? DEFAULT_TAIL_LINES : Math.max(1, c.tailLines());
        Deque<String> lines = new ArrayDeque<>();
        return targets(c).compose(ids -> Future.fromCompletionStage(containers.logs(ids.get(0), false, line -> {
            synchronized (lines) {
                lines.addLast(line.text());
                if (lines.size() > tail) {
                    lines.removeFirst();
                }
            }
        }).thenCompose(LogStream::done), context).map(v -> {
            String text;
            synchronized (lines) {
                text = String.join("\n", lines);
            }
            if (text.length() > MAX_LOG_CHARS) {
                text = text.substring(text.length() - MAX_LOG_CHARS);
            }
            reporter.report(Kind.LOGS, c, ids.get(0), text);
            return null;
        }));
    }

    /** The named container if it belongs to the project, else the project's containers of the service. */
    private Future<List<String>> targets(AgentCommand c) {
        if (c.containerId() != null) {
            return Future.fromCompletionStage(containers.inspect(c.containerId()), context).map(found -> {
                Map<String, String> labels = found.map(r -> r.getConfig().getLabels()).orElse(null);
                if (labels == null || !c.project().equals(labels.get(ComposeLabels.PROJECT))) {
                    throw new ComposeException(ErrorCode.NOT_FOUND, "no container " + c.containerId()
                            + " of project '" + c.project() + "' on host " + options.hostId());
                }
                return List.of(found.get().getId());
            });
        }
        return Future.fromCompletionStage(containers.findOwned(c.project()), context).map(found -> {
            List<String> ids = found.stream()
                    .filter(container -> c.service().equals(labels(container).get(ComposeLabels.SERVICE)))
                    .map(Container::getId).toList();
            if (ids.isEmpty()) {
                throw new ComposeException(ErrorCode.NOT_FOUND, "no container of " + c.project() + "/"
                        + c.service() + " on host " + options.hostId());
            }
            return ids;
        });
    }

    private Path projectDir(AgentCommand c) {
        if (c.projectDir() != null && Files.isDirectory(Path.of(c.projectDir()))) {
            return Path.of(c.projectDir()).toAbsolutePath().normalize();
        }
        Path own = options.workDir().resolve("projects").resolve(c.project());
        try {
            return Files.createDirectories(own);
        } catch (IOException e) {
            throw new ComposeException(ErrorCode.INTERNAL, "cannot create " + own + ": " + e.getMessage(), e);
        }
    }

    private Path generatedContext(AgentCommand c, Path projectDir) {
        if (options.generatedContext() == null) {
            throw new ComposeException(ErrorCode.UNAVAILABLE, "this agent cannot build the default image of project '"
                    + c.project() + "' (it has no application jars); give the service an image or a build section");
        }
        if (c.config() == null) {
            throw new ComposeException(ErrorCode.CONFIG_INVALID, "the deploy command carries no config tree, so the "
                    + "default image of project '" + c.project() + "' cannot be generated");
        }
        return options.generatedContext().write(projectDir, c.config());
    }

    private static void requireTarget(AgentCommand c) {
        if (c.action() == null || c.project() == null || c.service() == null) {
            throw new ComposeException(ErrorCode.BAD_REQUEST, "a command needs an action, a project and a service");
        }
        if (c.action() == Action.DEPLOY && c.commandId() == null) {
            throw new ComposeException(ErrorCode.BAD_REQUEST, "a deploy command needs a command id");
        }
    }

    private static Future<Void> all(List<String> ids, Function<String, Future<Void>> action) {
        Future<Void> chain = Future.succeededFuture();
        for (String id : ids) {
            chain = chain.compose(v -> action.apply(id));
        }
        return chain;
    }

    private static Duration stopTimeout(AgentCommand c) {
        return Duration.ofSeconds(c.stopTimeoutSeconds() == null ? DEFAULT_STOP_SECONDS : c.stopTimeoutSeconds());
    }

    private static Map<String, String> labels(Container container) {
        return container.getLabels() == null ? Map.of() : container.getLabels();
    }

    static String message(Throwable failure) {
        Throwable t = EngineErrors.unwrap(failure);
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
