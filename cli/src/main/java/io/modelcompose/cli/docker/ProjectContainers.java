package io.modelcompose.cli.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import io.modelcompose.runtimeagent.container.ComposeLabels;
import io.modelcompose.runtimeagent.container.MappingContext;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The containers of one Docker project, as {@code logs} and {@code ps} see them: the one {@code up} recorded in
 * {@code .compose/docker.id} (when it carries a project label: ours, or any when the project is unknown) and those
 * carrying the project's label. Containers without our label are never reported.
 */
final class ProjectContainers {
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final Comparator<InspectContainerResponse> RUNNING_THEN_NEWEST = Comparator
            .comparing((InspectContainerResponse c) -> !Boolean.TRUE.equals(c.getState().getRunning()))
            .thenComparing(c -> instant(c.getCreated()).orElse(Instant.EPOCH), Comparator.reverseOrder());

    private final DockerSession docker;
    private final Path projectDir;
    private final String project;

    /**
     * @param project the project name when the config could be read, or null (only the recorded container is found)
     */
    ProjectContainers(DockerSession docker, Path projectDir, String project) {
        this.docker = docker;
        this.projectDir = projectDir;
        this.project = project;
    }

    /** Every container of the project, inspected: the recorded one first. */
    List<InspectContainerResponse> all() {
        return withOwned(recorded());
    }

    /** What {@code down} stops: the recorded container and every controller container found by label. */
    List<InspectContainerResponse> controllers() {
        Optional<InspectContainerResponse> recorded = recorded();
        Optional<String> recordedId = recorded.map(InspectContainerResponse::getId);
        return withOwned(recorded).stream()
                .filter(c -> recordedId.filter(c.getId()::equals).isPresent() || isController(c)).toList();
    }

    private List<InspectContainerResponse> withOwned(Optional<InspectContainerResponse> recorded) {
        Map<String, InspectContainerResponse> found = new LinkedHashMap<>();
        recorded.ifPresent(c -> found.put(c.getId(), c));
        if (project != null) {
            for (Container c : DockerSession.await(docker.containers.findOwned(project), CALL_TIMEOUT)) {
                if (!found.containsKey(c.getId())) {
                    inspect(c.getId()).ifPresent(i -> found.put(i.getId(), i));
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** The controller container: the recorded one, else a running one found by label, else the newest. */
    Optional<InspectContainerResponse> controller() {
        Optional<InspectContainerResponse> recorded = recorded();
        if (recorded.isPresent()) {
            return recorded;
        }
        return withOwned(recorded).stream().filter(ProjectContainers::isController).min(RUNNING_THEN_NEWEST);
    }

    private static boolean isController(InspectContainerResponse c) {
        return MappingContext.CONTROLLER.equals(label(c, ComposeLabels.SERVICE));
    }

    /** The error of {@code logs} when nothing was deployed (exit code 1, like native logs without a log file). */
    ComposeException nothingDeployed() {
        return new ComposeException(ErrorCode.UNAVAILABLE, nothingDeployedMessage());
    }

    String nothingDeployedMessage() {
        String which = project != null ? "project " + project : "the project in " + projectDir;
        return "no container for " + which + "; run 'compose-cli up' first";
    }

    static String name(InspectContainerResponse c) {
        return c.getName() == null || c.getName().isBlank() ? shortId(c.getId()) : c.getName().replaceFirst("^/", "");
    }

    static String label(InspectContainerResponse c, String key) {
        Map<String, String> labels = c.getConfig() == null ? null : c.getConfig().getLabels();
        return labels == null ? null : labels.get(key);
    }

    /** An engine timestamp ({@code 2024-05-01T12:00:00.123456789Z}); empty for the zero time of "never". */
    static Optional<Instant> instant(String timestamp) {
        if (timestamp == null || timestamp.startsWith("0001-")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(timestamp));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String shortId(String id) {
        return id.substring(0, Math.min(12, id.length()));
    }

    private Optional<InspectContainerResponse> recorded() {
        return new DockerIdFile(projectDir).read().flatMap(this::inspect).filter(this::isOurs);
    }

    private Optional<InspectContainerResponse> inspect(String id) {
        return DockerSession.await(docker.containers.inspect(id), CALL_TIMEOUT);
    }

    private boolean isOurs(InspectContainerResponse c) {
        String owner = label(c, ComposeLabels.PROJECT);
        return owner != null && (project == null || project.equals(owner));
    }
}
