package io.modelcompose.cli.docker;

import io.modelcompose.runtimeagent.DockerDeployer;
import io.modelcompose.runtimeagent.container.ContainerService;
import io.modelcompose.runtimeagent.docker.DockerAvailability;
import io.modelcompose.runtimeagent.docker.DockerExecutor;
import io.modelcompose.runtimeagent.image.ImageService;
import io.modelcompose.runtimeagent.image.RegistryAuths;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The Docker layer of one CLI command, on the engine the environment names ({@code DOCKER_HOST}). */
public final class DockerSession implements AutoCloseable {
    final DockerExecutor executor;
    final ContainerService containers;
    final ImageService images;
    final DockerDeployer deployer;

    private DockerSession(DockerExecutor executor) {
        this.executor = executor;
        this.containers = new ContainerService(executor);
        this.images = new ImageService(executor, RegistryAuths.fromEnvironment());
        this.deployer = new DockerDeployer(containers, images);
    }

    /** Opens a session; fails with UNAVAILABLE, saying where the engine was looked for, when none answers. */
    static DockerSession open(String why) {
        DockerAvailability engine = DockerAvailability.check();
        if (!engine.available()) {
            throw new ComposeException(ErrorCode.UNAVAILABLE, why + " needs a Docker engine: " + engine.describe());
        }
        return new DockerSession(DockerExecutor.fromEnvironment());
    }

    /** Whether the engine has this image. */
    boolean hasImage(String reference) {
        return await(images.localImageId(reference), Duration.ofSeconds(30)).isPresent();
    }

    /** Waits for a Docker future; its failure is rethrown as it is (a ComposeException from the agent layer). */
    public static <T> T await(CompletableFuture<T> future, Duration timeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException re ? re
                    : new ComposeException(ErrorCode.RUNTIME_FAILED, String.valueOf(cause.getMessage()), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComposeException(ErrorCode.UNAVAILABLE, "interrupted");
        } catch (TimeoutException e) {
            throw new ComposeException(ErrorCode.TIMEOUT, "no answer from the Docker engine within "
                    + timeout.toSeconds() + " s");
        }
    }

    @Override
    public void close() {
        executor.close();
    }
}
