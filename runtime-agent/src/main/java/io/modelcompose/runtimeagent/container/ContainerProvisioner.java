package io.modelcompose.runtimeagent.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import io.modelcompose.runtimeagent.docker.EngineErrors;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The blocking steps of {@link ContainerService#up}, run on one docker thread. */
final class ContainerProvisioner {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerProvisioner.class);
    private static final int REPLACE_STOP_SECONDS = 10;

    private final DockerClient client;

    ContainerProvisioner(DockerClient client) {
        this.client = client;
    }

    /** Checks every network exists, before anything is created. */
    void checkNetworks(ContainerSpec spec) {
        List<String> networks = spec.networks();
        for (int i = 0; i < networks.size(); i++) {
            try {
                client.inspectNetworkCmd().withNetworkId(networks.get(i)).exec();
            } catch (NotFoundException e) {
                throw spec.options().invalid("networks", i, "network '" + networks.get(i)
                        + "' does not exist (create it with: docker network create " + networks.get(i) + ")");
            }
        }
    }

    RunningContainer up(ContainerSpec spec, Consumer<String> warnings) {
        checkNetworks(spec);
        replaceExisting(spec);
        createMissingBindSources(spec, warnings);
        CreateContainerResponse created = create(spec);
        List<String> engineWarnings = created.getWarnings() == null ? List.of() : Arrays.asList(created.getWarnings());
        engineWarnings.forEach(w -> warnings.accept("container '" + spec.name() + "': " + w));
        try {
            for (String network : spec.extraNetworks()) {
                client.connectToNetworkCmd().withContainerId(created.getId()).withNetworkId(network).exec();
            }
            client.startContainerCmd(created.getId()).exec();
        } catch (RuntimeException e) {
            removeQuietly(created.getId());
            throw refusal(spec, "start container '" + spec.name() + "'", e);
        }
        return new RunningContainer(created.getId(), spec.name(), engineWarnings);
    }

    /** Like docker compose's short syntax: a bind source folder that does not exist yet is created. */
    private static void createMissingBindSources(ContainerSpec spec, Consumer<String> warnings) {
        List<Mount> mounts = spec.hostConfig().getMounts() == null ? List.of() : spec.hostConfig().getMounts();
        for (Mount mount : mounts) {
            Path source = mount.getType() == MountType.BIND ? Path.of(mount.getSource()) : null;
            if (source != null && !Files.exists(source)) {
                try {
                    Files.createDirectories(source);
                    warnings.accept("created the missing bind mount source " + source);
                } catch (IOException e) {
                    throw spec.options().invalid("volumes", "bind source " + source + " does not exist and cannot "
                            + "be created: " + e.getMessage());
                }
            }
        }
    }

    private CreateContainerResponse create(ContainerSpec spec) {
        try {
            return spec.applyTo(client.createContainerCmd(spec.image())).exec();
        } catch (RuntimeException e) {
            throw refusal(spec, "create container '" + spec.name() + "'", e);
        }
    }

    /** Removes an older container of the same name when it is ours; refuses to touch anyone else's. */
    private void replaceExisting(ContainerSpec spec) {
        Optional<InspectContainerResponse> existing = inspect(spec.name());
        if (existing.isEmpty()) {
            return;
        }
        Map<String, String> labels = existing.get().getConfig().getLabels();
        String owner = labels == null ? null : labels.get(ComposeLabels.PROJECT);
        if (!spec.project().equals(owner)) {
            throw new ComposeException(ErrorCode.CONFLICT, spec.options().describe("container_name")
                    + ": a container named '" + spec.name() + "' already exists and does not belong to project '"
                    + spec.project() + "'; remove or rename it");
        }
        LOG.info("replacing container '{}' ({})", spec.name(), existing.get().getId());
        String id = existing.get().getId();
        if (Boolean.TRUE.equals(existing.get().getState().getRunning())) {
            stop(id, REPLACE_STOP_SECONDS);
        }
        client.removeContainerCmd(id).withForce(true).exec();
    }

    Optional<InspectContainerResponse> inspect(String idOrName) {
        try {
            return Optional.of(client.inspectContainerCmd(idOrName).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    void stop(String id, int timeoutSeconds) {
        try {
            client.stopContainerCmd(id).withTimeout(timeoutSeconds).exec();
        } catch (NotModifiedException e) {
            LOG.debug("container {} was not running", id);
        }
    }

    void removeQuietly(String id) {
        try {
            client.removeContainerCmd(id).withForce(true).exec();
        } catch (RuntimeException e) {
            LOG.warn("could not remove container {}: {}", id, EngineErrors.engineMessage(e));
        }
    }

    private static ComposeException refusal(ContainerSpec spec, String action, RuntimeException failure) {
        if (failure instanceof ComposeException ce) {
            return ce;
        }
        String message = EngineErrors.engineMessage(failure);
        if (failure instanceof DockerException) {
            Optional<String> key = EngineOptionHints.optionFor(message, spec);
            if (key.isPresent()) {
                return spec.options().refused(key.get(), message, failure);
            }
        }
        return EngineErrors.toCompose(action, failure);
    }
}
