package io.modelcompose.runtimeagent.container;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to create one container, mapped from the Docker options. {@code env} holds resolved values
 * (possibly secrets): {@link #toString()} shows only the variable names.
 *
 * @param project the project name (label {@code compose.project})
 * @param service the service name (label {@code compose.service})
 * @param name the container name
 * @param image the image reference
 * @param hostname host name, or null
 * @param cmd CMD override, or null
 * @param entrypoint ENTRYPOINT override, or null
 * @param workingDir working directory, or null
 * @param user user[:group], or null
 * @param env {@code KEY=VALUE} entries
 * @param labels container labels, including ours
 * @param exposedPorts ports the container exposes
 * @param hostConfig resources, mounts, port bindings, restart policy, logging, first network
 * @param healthcheck the health check, or null
 * @param networks every network to attach; the first is set at create time, the others connected before start
 * @param options where the options were written, for errors
 */
public record ContainerSpec(
        String project,
        String service,
        String name,
        String image,
        String hostname,
        List<String> cmd,
        List<String> entrypoint,
        String workingDir,
        String user,
        List<String> env,
        Map<String, String> labels,
        List<ExposedPort> exposedPorts,
        HostConfig hostConfig,
        HealthCheck healthcheck,
        List<String> networks,
        OptionSource options) {

    public ContainerSpec {
        env = List.copyOf(env);
        labels = Map.copyOf(labels);
        exposedPorts = List.copyOf(exposedPorts);
        networks = List.copyOf(networks);
    }

    /** Networks connected after create (all but the first). */
    public List<String> extraNetworks() {
        return networks.size() <= 1 ? List.of() : networks.subList(1, networks.size());
    }

    /** Copies this spec onto a create command. */
    public CreateContainerCmd applyTo(CreateContainerCmd cmd) {
        cmd.withName(name).withEnv(env).withLabels(labels).withExposedPorts(exposedPorts).withHostConfig(hostConfig);
        if (hostname != null) {
            cmd.withHostName(hostname);
        }
        if (this.cmd != null) {
            cmd.withCmd(this.cmd);
        }
        if (entrypoint != null) {
            cmd.withEntrypoint(entrypoint);
        }
        if (workingDir != null) {
            cmd.withWorkingDir(workingDir);
        }
        if (user != null) {
            cmd.withUser(user);
        }
        if (healthcheck != null) {
            cmd.withHealthcheck(healthcheck);
        }
        return cmd;
    }

    @Override
    public String toString() {
        List<String> envNames = env.stream().map(e -> e.substring(0, Math.max(0, e.indexOf('=')))).toList();
        return "ContainerSpec[name=" + name + ", image=" + image + ", env=" + envNames + ", networks=" + networks + "]";
    }
}
