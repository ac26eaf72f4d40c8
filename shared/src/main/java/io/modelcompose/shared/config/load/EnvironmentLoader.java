package io.modelcompose.shared.config.load;

import io.modelcompose.shared.config.LoadRequest;
import io.modelcompose.shared.config.tree.SourceLocation;
import io.modelcompose.shared.config.tree.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds the environment of a load. Highest first: {@code -e} overrides, {@code --env-file} files (later files win),
 * {@code .env} in the project folder, the process environment.
 */
public final class EnvironmentLoader {
    static final String DOT_ENV = ".env";

    private EnvironmentLoader() {
    }

    public static Map<String, String> load(LoadRequest request, Problems problems) {
        Map<String, String> env = new HashMap<>(request.processEnv());
        Path dotEnv = request.projectDir().resolve(DOT_ENV);
        if (Files.isRegularFile(dotEnv)) {
            env.putAll(read(dotEnv, DOT_ENV, problems));
        }
        for (Path envFile : request.envFiles()) {
            Path resolved = request.projectDir().resolve(envFile);
            if (Files.isRegularFile(resolved)) {
                env.putAll(read(resolved, envFile.toString(), problems));
            } else {
                problems.add(new SourceLocation(envFile.toString(), 0), "", "env file not found (--env-file)");
            }
        }
        env.putAll(request.overrides());
        return env;
    }

    private static Map<String, String> read(Path path, String name, Problems problems) {
        try {
            return DotEnv.parse(Files.readString(path, StandardCharsets.UTF_8), name, problems);
        } catch (IOException e) {
            problems.add(new SourceLocation(name, 0), "", "cannot read env file: " + e.getMessage());
            return Map.of();
        }
    }
}
