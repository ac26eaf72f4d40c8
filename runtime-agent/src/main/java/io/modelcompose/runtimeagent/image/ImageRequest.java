package io.modelcompose.runtimeagent.image;

import io.modelcompose.shared.config.docker.DockerOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What {@link ImageService#ensure} needs.
 *
 * @param project the project name (default tag {@code compose/<project>:latest})
 * @param projectDir the folder {@code build.context} is relative to
 * @param options the service's Docker options
 * @param generatedContext writes the generated {@code .docker/} context and returns its folder; called only when the
 *     generated context is built
 * @param generatedArgs build arguments of the generated context (e.g. {@code BASE_IMAGE})
 * @param log receives pull and build output lines
 */
public record ImageRequest(
        String project,
        Path projectDir,
        DockerOptions options,
        Supplier<Path> generatedContext,
        Map<String, String> generatedArgs,
        Consumer<String> log) {

    public ImageRequest {
        generatedArgs = Map.copyOf(generatedArgs);
    }
}
