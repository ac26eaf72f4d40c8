package io.modelcompose.runtimeagent;

import io.modelcompose.runtimeagent.container.MappingContext;
import io.modelcompose.shared.config.docker.DockerOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One service to run in Docker.
 *
 * @param context project, service, project folder, config path and extra environment of the mapping (its host CPU
 *     count is filled in from the engine)
 * @param options the service's Docker options
 * @param generatedContext writes the generated {@code .docker/} context when it has to be built
 * @param generatedArgs build arguments of the generated context ({@code BASE_IMAGE})
 * @param log receives pull/build output and engine warnings
 * @param readyTimeout how long to wait for running (or healthy, when a healthcheck is declared); null = do not wait
 */
public record DeployRequest(
        MappingContext context,
        DockerOptions options,
        Supplier<Path> generatedContext,
        Map<String, String> generatedArgs,
        Consumer<String> log,
        Duration readyTimeout) {

    public DeployRequest {
        generatedArgs = Map.copyOf(generatedArgs);
    }
}
