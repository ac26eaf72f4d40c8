package io.modelcompose.runtimeagent.container;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.modelcompose.runtimeagent.docker.DockerExecutor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The container lifecycle on the docker executor: (re)create and start, wait for running or healthy, stream logs,
 * stop, remove, and find the containers of a project by label. Only containers carrying
 * {@link ComposeLabels#PROJECT} of the same project are ever replaced. Engine refusals fail with
 * {@code RUNTIME_FAILED} naming the option when the engine's message tells which; a container whose start failed is
 * removed again.
 */
public final class ContainerService {
    private final DockerExecutor docker;
    private final ContainerWaits waits;

    public ContainerService(DockerExecutor docker) {
        this.docker = docker;
        this.waits = new ContainerWaits(docker);
    }

    /** The Docker host's CPU count (the upper bound of {@code cpus}). */
    public CompletableFuture<Integer> hostCpuCount() {
        return docker.submit("read engine info", c -> c.infoCmd().exec().getNCPU());
    }

    /** Fails with CONFIG_INVALID naming the first network of the spec that does not exist. */
    public CompletableFuture<Void> checkNetworks(ContainerSpec spec) {
        return docker.run("inspect networks", c -> new ContainerProvisioner(c).checkNetworks(spec));
    }

    /**
     * Checks the networks, removes an older container of ours with the same name, creates, connects the extra
     * networks and starts. Engine warnings go to {@code warnings}.
     */
    public CompletableFuture<RunningContainer> up(ContainerSpec spec, Consumer<String> warnings) {
        return docker.submit("start container '" + spec.name() + "'", c -> new ContainerProvisioner(c).up(spec, warnings));
    }

    public CompletableFuture<InspectContainerResponse> waitRunning(String id, Duration timeout) {
        return waits.running(id, timeout);
    }

    /** Completes when the health check passes (or, without one, when the container runs); fails if unhealthy. */
    public CompletableFuture<InspectContainerResponse> waitHealthy(String id, Duration timeout) {
        return waits.healthy(id, timeout);
    }

    /**
     * Streams the container's output, line by line, to {@code consumer} (on docker-java's stream thread). Attach after
     * start: on 20.10 a stream attached before start ends at once.
     */
    public CompletableFuture<LogStream> logs(String id, boolean follow, Consumer<LogLine> consumer) {
        return docker.submit("read logs of container " + id, c -> c.logContainerCmd(id)
                .withStdOut(true).withStdErr(true).withFollowStream(follow)
                .exec(new LogStream(consumer)));
    }

    /** Stops the container (SIGTERM, then SIGKILL after {@code timeout}); a stopped one is left as it is. */
    public CompletableFuture<Void> stop(String id, Duration timeout) {
        return docker.run("stop container " + id,
                c -> new ContainerProvisioner(c).stop(id, (int) Math.max(0, timeout.toSeconds())));
    }

    /** Removes the container (force); its image and named volumes stay. A missing container is no error. */
    public CompletableFuture<Void> remove(String id) {
        return docker.run("remove container " + id, c -> {
            try {
                c.removeContainerCmd(id).withForce(true).withRemoveVolumes(false).exec();
            } catch (NotFoundException e) {
                // already gone: down is idempotent
            }
        });
    }

    /** The project's containers, running or not, found by label. */
    public CompletableFuture<List<Container>> findOwned(String project) {
        return docker.submit("list containers of project " + project, c -> c.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ComposeLabels.PROJECT, project)).exec());
    }

    public CompletableFuture<Optional<InspectContainerResponse>> inspect(String idOrName) {
        return docker.submit("inspect container " + idOrName, c -> new ContainerProvisioner(c).inspect(idOrName));
    }
}
