package io.modelcompose.runtimeagent.testing;

import io.modelcompose.runtimeagent.container.ContainerSpec;
import io.modelcompose.runtimeagent.container.ContainerSpecMapper;
import io.modelcompose.runtimeagent.container.MappingContext;
import io.modelcompose.shared.config.load.ConfigLoader;
import io.modelcompose.shared.config.LoadRequest;
import io.modelcompose.shared.config.docker.DockerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Loads YAML text with the real config loader, as {@code model-compose.yml} of a project folder. */
public final class SeedConfigs {
    /** The process environment the seed's {@code ${env.*}} examples read. */
    public static final Map<String, String> ENV = Map.of("OPENAI_API_KEY", "sk-proj-test", "DB_PASSWORD", "secret");

    private SeedConfigs() {
    }

    /** The controller's Docker options of {@code yaml}. */
    public static DockerOptions load(Path projectDir, String yaml) {
        try {
            Files.writeString(projectDir.resolve("model-compose.yml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LoadRequest request = new LoadRequest(List.of(), List.of(), Map.of(), ENV, projectDir);
        return ConfigLoader.load(request).controller().runtime().docker();
    }

    /** The container spec of {@code yaml} on a 2-CPU host, project {@code seed}. */
    public static ContainerSpec spec(Path projectDir, String yaml) {
        return ContainerSpecMapper.map(load(projectDir, yaml), MappingContext.controller("seed", projectDir, 2));
    }
}
