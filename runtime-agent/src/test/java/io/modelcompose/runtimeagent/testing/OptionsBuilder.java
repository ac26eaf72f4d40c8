package io.modelcompose.runtimeagent.testing;

import io.modelcompose.shared.config.tree.SourceLocation;
import io.modelcompose.shared.config.docker.BuildOptions;
import io.modelcompose.shared.config.docker.DockerOptions;
import io.modelcompose.shared.config.docker.HealthcheckOptions;
import io.modelcompose.shared.config.docker.LoggingOptions;
import io.modelcompose.shared.config.docker.PortMapping;
import io.modelcompose.shared.config.docker.RestartPolicy;
import io.modelcompose.shared.config.docker.VolumeMount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link DockerOptions} for tests; every option written also gets a config line (line 10, 11, ...). */
public final class OptionsBuilder {
    public static final String FILE = "model-compose.yml";

    private String image;
    private String containerName;
    private BuildOptions build;
    private final List<PortMapping> ports = new ArrayList<>();
    private final List<String> networks = new ArrayList<>();
    private String hostname;
    private List<String> command;
    private List<String> entrypoint;
    private String workingDir;
    private String user;
    private Long memLimit;
    private Long memswapLimit;
    private Double cpus;
    private Integer cpuShares;
    private RestartPolicy restart;
    private HealthcheckOptions healthcheck;
    private Boolean privileged;
    private final List<String> securityOpt = new ArrayList<>();
    private LoggingOptions logging;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final List<VolumeMount> volumes = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> envFile = new ArrayList<>();
    private final Map<String, SourceLocation> locations = new HashMap<>();

    public static OptionsBuilder options() {
        return new OptionsBuilder();
    }

    private OptionsBuilder at(String key) {
        locations.putIfAbsent(key, new SourceLocation(FILE, 10 + locations.size()));
        return this;
    }

    /** The line the builder gave option {@code key}. */
    public int lineOf(String key) {
        return locations.get(key).line();
    }

    public OptionsBuilder image(String value) {
        image = value;
        return at("image");
    }

    public OptionsBuilder containerName(String value) {
        containerName = value;
        return at("container_name");
    }

    public OptionsBuilder build(BuildOptions value) {
        build = value;
        return at("build");
    }

    public OptionsBuilder port(String hostIp, Integer published, int target, String protocol) {
        ports.add(new PortMapping(hostIp, published, target, protocol, null));
        return at("ports");
    }

    public OptionsBuilder network(String value) {
        networks.add(value);
        return at("networks");
    }

    public OptionsBuilder hostname(String value) {
        hostname = value;
        return at("hostname");
    }

    public OptionsBuilder command(String... value) {
        command = List.of(value);
        return at("command");
    }

    public OptionsBuilder entrypoint(String... value) {
        entrypoint = List.of(value);
        return at("entrypoint");
    }

    public OptionsBuilder workingDir(String value) {
        workingDir = value;
        return at("working_dir");
    }

    public OptionsBuilder user(String value) {
        user = value;
        return at("user");
    }

    public OptionsBuilder memLimit(long bytes) {
        memLimit = bytes;
        return at("mem_limit");
    }

    public OptionsBuilder memswapLimit(long bytes) {
        memswapLimit = bytes;
        return at("memswap_limit");
    }

    public OptionsBuilder cpus(double value) {
        cpus = value;
        return at("cpus");
    }

    public OptionsBuilder cpuShares(int value) {
        cpuShares = value;
        return at("cpu_shares");
    }

    public OptionsBuilder restart(RestartPolicy value) {
        restart = value;
        return at("restart");
    }

    public OptionsBuilder healthcheck(HealthcheckOptions value) {
        healthcheck = value;
        return at("healthcheck");
    }

    public OptionsBuilder privileged(boolean value) {
        privileged = value;
        return at("privileged");
    }

    public OptionsBuilder securityOpt(String value) {
        securityOpt.add(value);
        return at("security_opt");
    }

    public OptionsBuilder logging(String driver, Map<String, String> options) {
        logging = new LoggingOptions(driver, options);
        return at("logging");
    }

    public OptionsBuilder label(String key, String value) {
        labels.put(key, value);
        return at("labels");
    }

    public OptionsBuilder volume(VolumeMount value) {
        volumes.add(value);
        return at("volumes");
    }

    public OptionsBuilder env(String key, String value) {
        environment.put(key, value);
        return at("environment");
    }

    public OptionsBuilder envFile(String path) {
        envFile.add(path);
        return at("env_file");
    }

    public DockerOptions get() {
        return new DockerOptions(image, containerName, build, ports, networks, hostname, command, entrypoint,
                workingDir, user, memLimit, memswapLimit, cpus, cpuShares, restart, healthcheck, privileged,
                securityOpt, logging, labels, volumes, environment, envFile, locations);
    }

    /** A bind mount. */
    public static VolumeMount bind(String source, String target, boolean readOnly, String propagation) {
        return new VolumeMount(VolumeMount.Type.BIND, source, target, readOnly, propagation, false, null, null);
    }

    /** A named volume. */
    public static VolumeMount volume(String name, String target, boolean noCopy) {
        return new VolumeMount(VolumeMount.Type.VOLUME, name, target, false, null, noCopy, null, null);
    }

    /** A tmpfs mount; {@code mode} as written in YAML (1777). */
    public static VolumeMount tmpfs(String target, Long sizeBytes, Integer mode) {
        return new VolumeMount(VolumeMount.Type.TMPFS, null, target, false, null, false, sizeBytes, mode);
    }
}
