package io.modelcompose.runtimeagent.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.modelcompose.runtimeagent.DockerDeployer;
import io.modelcompose.runtimeagent.container.ComposeLabels;
import io.modelcompose.runtimeagent.container.ContainerService;
import io.modelcompose.runtimeagent.docker.DockerClients;
import io.modelcompose.runtimeagent.docker.DockerExecutor;
import io.modelcompose.runtimeagent.image.ImageService;
import io.modelcompose.runtimeagent.image.RegistryAuths;
import io.modelcompose.testkit.docker.LocalImages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The agent's services on the real engine, with a unique project name per test class, and cleanup of everything the
 * tests made: the project's containers (by label), and the networks, volumes and images the tests registered.
 */
public final class DockerFixture implements AutoCloseable {
    public final String project = "it" + UUID.randomUUID().toString().substring(0, 8);
    public final String jreBase = LocalImages.jreBase();
    public final DockerExecutor executor = DockerExecutor.fromEnvironment();
    public final ContainerService containers = new ContainerService(executor);
    public final ImageService images = new ImageService(executor, RegistryAuths.fromEnvironment());
    public final DockerDeployer deployer = new DockerDeployer(containers, images);
    /** A plain client for assertions (inspect, save) and fixtures. */
    public final DockerClient client = DockerClients.fromEnvironment();
    private final List<String> networks = new ArrayList<>();
    private final List<String> volumes = new ArrayList<>();
    private final List<String> ownImages = new ArrayList<>();

    /** Waits for a future (bounded) and returns its value; a failure is rethrown as its cause. */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out", e);
        }
    }

    /** A new network that is removed at close. */
    public String network(String suffix) {
        String name = project + "-" + suffix;
        client.createNetworkCmd().withName(name).withLabels(Map.of(ComposeLabels.PROJECT, project)).exec();
        networks.add(name);
        return name;
    }

    /** A volume name that is removed at close (the engine creates it on first use). */
    public String volumeName(String suffix) {
        String name = project + "-" + suffix;
        volumes.add(name);
        return name;
    }

    /** An image tag that is removed at close. */
    public String imageTag(String name) {
        String tag = "compose-it/" + project + "-" + name + ":1";
        ownImages.add(tag);
        return tag;
    }

    /** Registers an image reference to remove at close. */
    public void removeImageAtClose(String reference) {
        ownImages.add(reference);
    }

    public InspectContainerResponse inspect(String id) {
        return client.inspectContainerCmd(id).exec();
    }

    public List<Container> projectContainers() {
        return client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ComposeLabels.PROJECT, project)).exec();
    }

    @Override
    public void close() throws java.io.IOException {
        for (Container c : projectContainers()) {
            quietly(() -> client.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec());
        }
        networks.forEach(n -> quietly(() -> client.removeNetworkCmd(n).exec()));
        volumes.forEach(v -> quietly(() -> client.removeVolumeCmd(v).exec()));
        ownImages.forEach(i -> quietly(() -> client.removeImageCmd(i).withForce(true).exec()));
        executor.close();
        client.close();
    }

    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            System.err.println("[fixture] cleanup: " + e.getMessage());
        }
    }
}
