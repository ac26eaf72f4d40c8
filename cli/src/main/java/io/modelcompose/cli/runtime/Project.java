package io.modelcompose.cli.runtime;

import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.LoadRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The project a command acts on.
 *
 * @param config the loaded configuration, or null when it did not load (enough for {@code down} and {@code ps})
 * @param load how it was loaded (the Docker runtime reads the merged tree again)
 * @param projectDir the project folder: {@code .compose/} state, relative paths
 * @param out the command's standard output
 * @param err the command's error output (status lines)
 */
public record Project(ComposeConfig config, LoadRequest load, Path projectDir, PrintWriter out, PrintWriter err) {
    public Optional<ComposeConfig> loadedConfig() {
        return Optional.ofNullable(config);
    }
}
