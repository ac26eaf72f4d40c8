package io.modelcompose.runtimeagent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.ConfigException;
import io.modelcompose.shared.config.load.ConfigLoader;
import io.modelcompose.shared.config.tree.ConfigProblem;
import io.modelcompose.shared.config.LoadRequest;
import io.modelcompose.shared.config.RuntimeConfig.RuntimeType;
import io.modelcompose.shared.config.tree.SourceLocation;
import io.modelcompose.shared.config.docker.DockerOptions;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Binds the {@code runtime:} section a DEPLOY command carries with the real config loader, so that a command is
 * checked exactly like a config file: it is written as {@code controller: {runtime: ...}} to a file of the agent's
 * work folder, loaded with the command's environment and the project folder (relative paths, env files), and deleted.
 */
final class RuntimeSection {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RuntimeSection() {
    }

    /**
     * The Docker options of {@code runtime}.
     *
     * @param file where to write the section for loading
     * @param where what config errors name instead of the file ("deploy command")
     * @throws io.modelcompose.shared.config.ConfigException for invalid options
     * @throws ComposeException CONFIG_INVALID when the section is missing or not {@code type: docker}
     */
    static DockerOptions bind(Map<String, Object> runtime, Map<String, String> env, Path projectDir, Path file,
            String where) {
        if (runtime == null || runtime.isEmpty()) {
            throw new ComposeException(ErrorCode.CONFIG_INVALID, "the deploy command carries no runtime section");
        }
        try {
            Files.createDirectories(file.getParent());
            YAML.writeValue(file.toFile(), Map.of("controller", Map.of("runtime", runtime)));
            LoadRequest request = new LoadRequest(List.of(file), List.of(), env, Map.of(), projectDir);
            ComposeConfig config = load(request, where);
            if (config.controller().runtime().type() != RuntimeType.DOCKER) {
                throw new ComposeException(ErrorCode.CONFIG_INVALID, "runtime.type must be docker, not "
                        + config.controller().runtime().type().yamlName());
            }
            return config.controller().runtime().docker();
        } catch (IOException e) {
            throw new ComposeException(ErrorCode.INTERNAL, "cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover file is harmless: the next command overwrites it
            }
        }
    }

    private static ComposeConfig load(LoadRequest request, String where) {
        try {
            return ConfigLoader.load(request);
        } catch (ConfigException e) {
            throw new ConfigException(e.problems().stream()
                    .map(p -> new ConfigProblem(new SourceLocation(where, 0), p.path(), p.message())).toList());
        }
    }
}
