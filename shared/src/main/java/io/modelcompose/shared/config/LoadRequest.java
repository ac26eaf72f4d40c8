package io.modelcompose.shared.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to load. Relative file paths are resolved against {@code projectDir}; problems name files as given.
 *
 * @param files {@code -f} files in order; empty = discover {@code model-compose.yml}, then {@code model-compose.yaml}
 *     in {@code projectDir}
 * @param envFiles {@code --env-file} files in order (later files win)
 * @param overrides {@code -e KEY=VALUE} pairs (highest precedence)
 * @param processEnv the process environment (lowest precedence), usually {@code System.getenv()}
 * @param projectDir the folder holding {@code .env} and the config
 */
public record LoadRequest(List<Path> files, List<Path> envFiles, Map<String, String> overrides,
        Map<String, String> processEnv, Path projectDir) {

    public LoadRequest {
        files = List.copyOf(files);
        envFiles = List.copyOf(envFiles);
        overrides = Map.copyOf(overrides);
        processEnv = Map.copyOf(processEnv);
        Objects.requireNonNull(projectDir, "projectDir");
    }

    /** Discovers the config in {@code projectDir}, with the process environment and no overrides. */
    public static LoadRequest of(Path projectDir) {
        return new LoadRequest(List.of(), List.of(), Map.of(), System.getenv(), projectDir);
    }

    public LoadRequest withFiles(List<Path> newFiles) {
        return new LoadRequest(newFiles, envFiles, overrides, processEnv, projectDir);
    }

    public LoadRequest withEnvFiles(List<Path> newEnvFiles) {
        return new LoadRequest(files, newEnvFiles, overrides, processEnv, projectDir);
    }

    public LoadRequest withOverrides(Map<String, String> newOverrides) {
        return new LoadRequest(files, envFiles, newOverrides, processEnv, projectDir);
    }

    public LoadRequest withProcessEnv(Map<String, String> newProcessEnv) {
        return new LoadRequest(files, envFiles, overrides, newProcessEnv, projectDir);
    }
}
