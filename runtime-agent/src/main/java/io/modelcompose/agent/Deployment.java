package io.modelcompose.agent;

import io.modelcompose.agent.container.RunningContainer;
import io.modelcompose.agent.image.ImageResult;

/**
 * A service that {@link DockerDeployer} started.
 *
 * @param image the image it runs and how it was obtained
 * @param container the started container
 */
public record Deployment(ImageResult image, RunningContainer container) {
}
