package io.modelcompose.cli.docker;

import io.modelcompose.cli.runtime.LogsRequest;
import io.modelcompose.cli.runtime.Project;
import io.modelcompose.cli.runtime.Runtime;
import io.modelcompose.cli.runtime.UpRequest;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code runtime: docker}: the runtime-agent's Docker layer in this process (no Kafka). {@code up} builds or pulls
 * the image and (re)creates the project's container; {@code down}, {@code ps} and {@code logs} act on the container
 * recorded in {@code .compose/docker.id}, or on the containers labelled with the project's name.
 */
public final class DockerRuntime implements Runtime {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Project project;

    public DockerRuntime(Project project) {
        this.project = project;
    }

    /** Whether {@code up} left a container id in this project folder. */
    public static boolean containerRecorded(Path projectDir) {
        return new DockerIdFile(projectDir).exists();
    }

    @Override
    public int up(UpRequest request) throws Exception {
        request.logSetup().run();
        return new DockerUp(project.loadedConfig().orElseThrow(), project.load(), project.projectDir(),
                request.detach(), request.kafka(), project.out(), project.err()).run();
    }

    /** Stops (SIGTERM, SIGKILL after the timeout, default 10 s) and removes the container. */
    @Override
    public int down(Optional<Duration> timeout) throws Exception {
        return new DockerDown(project.projectDir(), projectName().orElse(null), timeout.orElse(STOP_TIMEOUT),
                project.out()).run();
    }

    @Override
    public int ps() {
        return new DockerPs(project.projectDir(), projectName().orElse(null), project.out()).run();
    }

    @Override
    public int logs(LogsRequest request) {
        String name = projectName().orElseThrow(() -> new ComposeException(ErrorCode.CONFIG_INVALID,
                "logs of runtime: docker need the project's config"));
        return new DockerLogs(project.projectDir(), name, request.follow(), request.keep(), project.out(),
                project.err()).run();
    }

    private Optional<String> projectName() {
        return project.loadedConfig().map(ComposeConfig::controller)
                .map(controller -> ProjectName.of(controller.name(), project.projectDir()));
    }
}
