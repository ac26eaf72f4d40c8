package io.modelcompose.runtimeagent;

import io.modelcompose.runtimeagent.container.ContainerService;
import io.modelcompose.runtimeagent.container.ContainerSpec;
import io.modelcompose.runtimeagent.container.ContainerSpecMapper;
import io.modelcompose.runtimeagent.container.RunningContainer;
import io.modelcompose.runtimeagent.image.ImageRequest;
import io.modelcompose.runtimeagent.image.ImageService;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one service in Docker, checking everything that can be checked before anything is built or created: the
 * options are mapped against the engine's CPU count (cpus, env files, memory, log driver ...) and the networks must
 * exist. Then the image is provided (local, pulled or built), the container (re)created and started, and, when
 * asked, awaited until running or healthy.
 */
public final class DockerDeployer {
    private final ContainerService containers;
    private final ImageService images;

    public DockerDeployer(ContainerService containers, ImageService images) {
        this.containers = containers;
        this.images = images;
    }

    public CompletableFuture<Deployment> deploy(DeployRequest request) {
        return containers.hostCpuCount()
                .thenApply(cpus -> ContainerSpecMapper.map(request.options(), request.context().withHostCpuCount(cpus)))
                .thenCompose(spec -> containers.checkNetworks(spec).thenApply(ignored -> spec))
                .thenCompose(spec -> images.ensure(imageRequest(request))
                        .thenCompose(image -> start(request, spec).thenApply(c -> new Deployment(image, c))));
    }

    private CompletableFuture<RunningContainer> start(DeployRequest request, ContainerSpec spec) {
        return containers.up(spec, request.log()).thenCompose(container -> request.readyTimeout() == null
                ? CompletableFuture.completedFuture(container)
                : containers.waitHealthy(container.id(), request.readyTimeout()).thenApply(state -> container));
    }

    private static ImageRequest imageRequest(DeployRequest request) {
        return new ImageRequest(request.context().project(), request.context().projectDir(), request.options(),
                request.generatedContext(), request.generatedArgs(), request.log());
    }
}
