package io.modelcompose.shared.config.docker;

import io.modelcompose.shared.config.tree.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * Every Docker option of SPEC section 7, parsed and validated at load time. Sizes are bytes, CPU counts are
 * decimals; null means "not set" and the engine default applies.
 *
 * @param image image reference, or null to build the default image
 * @param containerName container name, or null for {@code compose-<project>}
 * @param build build options, or null
 * @param ports published ports
 * @param networks networks to attach, all of them
 * @param hostname container host name
 * @param command CMD override (a string is split by the shell form rules of Docker: run through {@code sh -c})
 * @param entrypoint ENTRYPOINT override
 * @param workingDir working directory
 * @param user user[:group]
 * @param memLimitBytes memory limit
 * @param memswapLimitBytes memory + swap limit (-1 = unlimited)
 * @param cpus CPU count (NanoCPUs = cpus * 1e9)
 * @param cpuShares relative CPU weight
 * @param restart restart policy
 * @param healthcheck health check, or null
 * @param privileged privileged mode
 * @param securityOpt security options
 * @param logging log driver and options, or null
 * @param labels container labels
 * @param volumes mounts
 * @param environment environment variables (values may still hold unresolved {@code ${env.X}} references)
 * @param envFile env files, read when the container is created
 * @param locations config location of each option key that was written (for error messages)
 */
public record DockerOptions(
        String image,
        String containerName,
        BuildOptions build,
        List<PortMapping> ports,
        List<String> networks,
        String hostname,
        List<String> command,
        List<String> entrypoint,
        String workingDir,
        String user,
        Long memLimitBytes,
        Long memswapLimitBytes,
        Double cpus,
        Integer cpuShares,
        RestartPolicy restart,
        HealthcheckOptions healthcheck,
        Boolean privileged,
        List<String> securityOpt,
        LoggingOptions logging,
        Map<String, String> labels,
        List<VolumeMount> volumes,
        Map<String, String> environment,
        List<String> envFile,
        Map<String, SourceLocation> locations) {

    public DockerOptions {
        ports = List.copyOf(ports);
        networks = List.copyOf(networks);
        command = command == null ? null : List.copyOf(command);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        securityOpt = List.copyOf(securityOpt);
        labels = Map.copyOf(labels);
        volumes = List.copyOf(volumes);
        environment = Map.copyOf(environment);
        envFile = List.copyOf(envFile);
        locations = Map.copyOf(locations);
    }

    /** Where option {@code key} (a YAML key such as {@code mem_limit}) was written, or UNKNOWN. */
    public SourceLocation locationOf(String key) {
        return locations.getOrDefault(key, SourceLocation.UNKNOWN);
    }
}
