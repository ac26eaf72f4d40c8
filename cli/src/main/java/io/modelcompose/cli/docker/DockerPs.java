package io.modelcompose.cli.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse.ContainerState;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import io.modelcompose.runtimeagent.container.ComposeLabels;
import io.modelcompose.cli.runtime.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ps} for {@code runtime: docker}: the project's containers (the one {@code up} recorded and those carrying
 * the project's label), with image, service, state and health, uptime and published ports. Nothing deployed is a
 * state, not an error: it is said on one line and the exit code is 0.
 */
public final class DockerPs {
    private final Path projectDir;
    private final String project;
    private final PrintWriter out;

    /**
     * @param project the project name when the config could be read (its containers are found by label), or null
     */
    public DockerPs(Path projectDir, String project, PrintWriter out) {
        this.projectDir = projectDir.toAbsolutePath().normalize();
        this.project = project;
        this.out = out;
    }

    public int run() {
        try (DockerSession docker = DockerSession.open("ps for runtime: docker")) {
            ProjectContainers containers = new ProjectContainers(docker, projectDir, project);
            List<InspectContainerResponse> found = containers.all();
            if (found.isEmpty()) {
                out.println(containers.nothingDeployedMessage());
            } else {
                Instant now = Instant.now();
                out.print(PsTable.render(found.stream().map(c -> row(c, now)).toList()));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    static PsTable.Row row(InspectContainerResponse c, Instant now) {
        ContainerState state = c.getState();
        String health = state.getHealth() == null ? null : state.getHealth().getStatus();
        String service = ProjectContainers.label(c, ComposeLabels.SERVICE);
        return new PsTable.Row(ProjectContainers.name(c), c.getConfig().getImage(),
                service == null ? PsTable.NONE : service, PsTable.state(state.getStatus(), health,
                state.getExitCodeLong()), uptime(state, now), PsTable.ports(published(c)));
    }

    private static String uptime(ContainerState state, Instant now) {
        if (!Boolean.TRUE.equals(state.getRunning())) {
            return PsTable.NONE;
        }
        return ProjectContainers.instant(state.getStartedAt()).map(started -> PsTable.uptime(
                Duration.between(started, now))).orElse(PsTable.NONE);
    }

    private static List<String> published(InspectContainerResponse c) {
        Ports ports = c.getNetworkSettings() == null ? null : c.getNetworkSettings().getPorts();
        List<String> published = new ArrayList<>();
        if (ports == null) {
            return published;
        }
        for (Map.Entry<ExposedPort, Ports.Binding[]> entry : ports.getBindings().entrySet()) {
            ExposedPort exposed = entry.getKey();
            for (Ports.Binding binding : entry.getValue() == null ? new Ports.Binding[0] : entry.getValue()) {
                published.add(PsTable.port(binding.getHostIp(), binding.getHostPortSpec(), exposed.getPort(),
                        exposed.getProtocol().toString()));
            }
        }
        return published;
    }
}
