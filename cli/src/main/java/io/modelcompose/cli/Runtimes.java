package io.modelcompose.cli;

import io.modelcompose.cli.docker.DockerRuntime;
import io.modelcompose.cli.runtime.Project;
import io.modelcompose.cli.runtime.Runtime;
import io.modelcompose.cli.up.NativeRuntime;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.RuntimeConfig.RuntimeType;

/** The one place that chooses between the native and the Docker runtime. */
final class Runtimes {
    private Runtimes() {
    }

    /** For {@code up}: what the config asks for. */
    static Runtime declared(Project project) {
        return says(project.config(), RuntimeType.DOCKER) ? new DockerRuntime(project) : new NativeRuntime(project);
    }

    /**
     * For {@code down}, {@code ps} and {@code logs}: what runs. Docker when {@code up} left a container id, or when
     * the config says {@code runtime: docker} and no native {@code up} runs in the folder; else native.
     */
    static Runtime running(Project project) {
        boolean docker = DockerRuntime.containerRecorded(project.projectDir())
                || says(project.config(), RuntimeType.DOCKER) && !NativeRuntime.running(project.projectDir());
        return docker ? new DockerRuntime(project) : new NativeRuntime(project);
    }

    private static boolean says(ComposeConfig config, RuntimeType type) {
        return config != null && config.controller().runtime().type() == type;
    }
}
