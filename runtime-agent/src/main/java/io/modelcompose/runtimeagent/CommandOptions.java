package io.modelcompose.runtimeagent;

import io.modelcompose.shared.config.tree.SourceLocation;
import io.modelcompose.shared.config.docker.DockerOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Docker options of a DEPLOY command as the agent applies them: the container gets the label that marks it as
 * this host's agent's (so that a restarted agent finds it), and option errors name the command instead of the
 * agent's temporary file.
 */
final class CommandOptions {
    /** The label of containers deployed by the agent of a host; its value is the host id. */
    static final String HOST_LABEL = "compose.agent-host";

    private CommandOptions() {
    }

    /** {@code where} (e.g. "deploy command") becomes the location of every option. */
    static DockerOptions forAgent(DockerOptions o, String hostId, String where) {
        Map<String, String> labels = new LinkedHashMap<>(o.labels());
        labels.put(HOST_LABEL, hostId);
        Map<String, SourceLocation> locations = new LinkedHashMap<>();
        o.locations().keySet().forEach(key -> locations.put(key, new SourceLocation(where, 0)));
        return new DockerOptions(o.image(), o.containerName(), o.build(), o.ports(), o.networks(), o.hostname(),
                o.command(), o.entrypoint(), o.workingDir(), o.user(), o.memLimitBytes(), o.memswapLimitBytes(),
                o.cpus(), o.cpuShares(), o.restart(), o.healthcheck(), o.privileged(), o.securityOpt(), o.logging(),
                labels, o.volumes(), o.environment(), o.envFile(), locations);
    }
}
