package io.modelcompose.cli.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import io.modelcompose.agent.container.ComposeLabels;
import io.modelcompose.agent.container.MappingContext;
import io.modelcompose.cli.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
            Map<String, String> targets = new LinkedHashMap<>();
            idFile.read().flatMap(id -> DockerSession.await(docker.containers.inspect(id), CALL_TIMEOUT))
                    .filter(this::isOurs).ifPresent(c -> targets.put(c.getId(), name(c)));
            if (project != null) {
                for (Container c : DockerSession.await(docker.containers.findOwned(project), CALL_TIMEOUT)) {
                    if (MappingContext.CONTROLLER.equals(label(c.getLabels(), ComposeLabels.SERVICE))) {
                        targets.putIfAbsent(c.getId(), c.getNames() == null || c.getNames().length == 0 ? c.getId()
                                : c.getNames()[0].replaceFirst("^/", ""));
                    }
                }
            }
            if (targets.isEmpty()) {
                out.println("no container of this project is running in " + projectDir);
            }
            for (Map.Entry<String, String> target : targets.entrySet()) {
                DockerSession.await(docker.containers.stop(target.getKey(), stopTimeout),
                        stopTimeout.plus(CALL_TIMEOUT));
                DockerSession.await(docker.containers.remove(target.getKey()), CALL_TIMEOUT);
                out.println("stopped and removed " + target.getValue());
            }
            out.flush();
            idFile.delete();
            return ExitCodes.OK;
        }
    }

    /** A container from the id file is ours when it carries a project label (ours, or that of the config). */
    private boolean isOurs(InspectContainerResponse c) {
        String owner = label(c.getConfig().getLabels(), ComposeLabels.PROJECT);
        return owner != null && (project == null || project.equals(owner));
    }

    private static String name(InspectContainerResponse c) {
        return Optional.ofNullable(c.getName()).map(n -> n.replaceFirst("^/", "")).orElse(c.getId());
    }

    private static String label(Map<String, String> labels, String key) {
        return labels == null ? null : labels.get(key);
    }
}
