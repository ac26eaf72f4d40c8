package io.modelcompose.runtimeagent;

import io.modelcompose.runtimeagent.container.RunningContainer;
import io.modelcompose.runtimeagent.image.ImageResult;

/**
 * A service that {@link DockerDeployer} started.
 *
 * @param image the image it runs and how it was obtained
 * @param container the started container
 */
public record Deployment(ImageResult image, RunningContainer container) {
}
