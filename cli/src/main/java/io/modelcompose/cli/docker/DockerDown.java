package io.modelcompose.cli.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.modelcompose.cli.runtime.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code down} for {@code runtime: docker}: stops (SIGTERM, SIGKILL after the timeout) and removes the controller
 * container, found by {@code .compose/docker.id} and by the labels of the project. The image and named volumes
 * stay. A container without our project label is never touched.
 */
public final class DockerDown {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final Path projectDir;
    private final String project;
    private final Duration stopTimeout;
    private final PrintWriter out;

    /**
     * @param project the project name when the config could be read (its containers are found by label), or null
     */
    public DockerDown(Path projectDir, String project, Duration stopTimeout, PrintWriter out) {
        this.projectDir = projectDir.toAbsolutePath().normalize();
        this.project = project;
        this.stopTimeout = stopTimeout;
        this.out = out;
    }

    public int run() throws Exception {
        DockerIdFile idFile = new DockerIdFile(projectDir);
        try (DockerSession docker = DockerSession.open("down for runtime: docker")) {
            List<InspectContainerResponse> targets = new ProjectContainers(docker, projectDir, project).controllers();
            if (targets.isEmpty()) {
                out.println("no container of this project is running in " + projectDir);
            }
            for (InspectContainerResponse target : targets) {
                DockerSession.await(docker.containers.stop(target.getId(), stopTimeout),
                        stopTimeout.plus(CALL_TIMEOUT));
                DockerSession.await(docker.containers.remove(target.getId()), CALL_TIMEOUT);
                out.println("stopped and removed " + ProjectContainers.name(target));
            }
            out.flush();
            idFile.delete();
            return ExitCodes.OK;
        }
    }
}
