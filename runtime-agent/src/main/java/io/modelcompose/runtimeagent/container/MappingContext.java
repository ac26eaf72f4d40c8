package io.modelcompose.runtimeagent.container;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the mapping needs besides the options.
 *
 * @param project the project name (image tag, container name, labels)
 * @param service the service name ({@code controller} for the controller)
 * @param projectDir the folder relative paths (bind sources, env files) are resolved against
 * @param configPath the config path of the options, for errors ({@code controller.runtime})
 * @param extraEnv environment given to the container below env_file and {@code environment} (e.g. the values the
 *     generated config's {@code ${env.*}} references need)
 * @param hostEnv the environment a bare {@code KEY} line of an env file reads its value from
 * @param hostCpuCount CPUs of the Docker host ({@code cpus} may not exceed it); 0 = unknown, not checked
 */
public record MappingContext(
        String project,
        String service,
        Path projectDir,
        String configPath,
        Map<String, String> extraEnv,
        Map<String, String> hostEnv,
        int hostCpuCount) {

    public static final String CONTROLLER = "controller";

    public MappingContext {
        extraEnv = Map.copyOf(extraEnv);
        hostEnv = Map.copyOf(hostEnv);
    }

    /** The controller's context: options at {@code controller.runtime}, no extra env, the process environment. */
    public static MappingContext controller(String project, Path projectDir, int hostCpuCount) {
        return new MappingContext(project, CONTROLLER, projectDir, "controller.runtime", Map.of(), System.getenv(),
                hostCpuCount);
    }

    /** A copy with this extra environment. */
    public MappingContext withExtraEnv(Map<String, String> env) {
        return new MappingContext(project, service, projectDir, configPath, env, hostEnv, hostCpuCount);
    }

    /** A copy with this host CPU count. */
    public MappingContext withHostCpuCount(int cpus) {
        return new MappingContext(project, service, projectDir, configPath, extraEnv, hostEnv, cpus);
    }
}
