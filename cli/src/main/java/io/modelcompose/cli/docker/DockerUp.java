package io.modelcompose.cli.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import io.modelcompose.runtimeagent.DeployRequest;
import io.modelcompose.runtimeagent.Deployment;
import io.modelcompose.runtimeagent.container.MappingContext;
import io.modelcompose.runtimeagent.image.ImageRefs;
import io.modelcompose.cli.broker.EmbeddedBrokerProcess;
import io.modelcompose.cli.runtime.ExitCodes;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.load.ConfigLoader;
import io.modelcompose.shared.config.LoadRequest;
import io.modelcompose.shared.config.docker.DockerOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code up} with {@code runtime: docker}: the local runtime-agent layer, in this process (no Kafka). Provides the
 * image (the project's default image is built from the generated {@code .docker/} context, written only when it is
 * built), (re)creates and starts the controller container with the values of every {@code ${env.*}} reference as
 * environment, and records its id in {@code .compose/docker.id}. In the foreground it streams the container's output
 * until the container stops or Ctrl+C stops it; with {@code -d} it returns once the container runs (and is healthy,
 * when a health check is declared).
 */
public final class DockerUp {
    /** How long an image build or pull may take. */
    static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(30);
    /** How long {@code -d} waits for running (or healthy). */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    static final String KAFKA_ENV = "KAFKA_BOOTSTRAP_SERVERS";
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1");

    private final ComposeConfig config;
    private final LoadRequest load;
    private final Path projectDir;
    private final boolean detach;
    private final String kafka;
    private final PrintWriter out;
    private final PrintWriter err;

    /**
     * @param kafka a cluster the service set in the container should use instead of its embedded broker, or null
     */
    public DockerUp(ComposeConfig config, LoadRequest load, Path projectDir, boolean detach, String kafka,
            PrintWriter out, PrintWriter err) {
        this.config = config;
        this.load = load;
        this.projectDir = projectDir.toAbsolutePath().normalize();
        this.detach = detach;
        this.kafka = kafka;
        this.out = out;
        this.err = err;
    }

    public int run() throws Exception {
        String project = ProjectName.of(config.controller().name(), projectDir);
        Map<String, Object> tree = ConfigLoader.loadMergedTree(load);
        try (DockerSession docker = DockerSession.open("runtime: docker")) {
            DockerOptions options = DefaultPorts.apply(config.controller().runtime().docker(), config.controller());
            // Only the default image is built on the base; a named image or a custom build does not need it
            String base = DefaultImage.applies(options)
                    ? BaseImage.provide(config.env(), docker::hasImage,
                            () -> JreBaseImage.build(docker, BaseImage.LOCAL_DEFAULT), this::status)
                    : BaseImage.choose(config.env(), docker::hasImage, line -> { });
            int port = config.controller().port();
            warnAboutLoopbackHost(tree, options);
            List<Path> jars = new ArrayList<>();
            Path brokerLib = null;
            if (DefaultImage.applies(options)) {
                jars.addAll(AppJars.locate());
                brokerLib = EmbeddedBrokerProcess.locateLibDir();
                options = defaultImage(docker, options, project, tree, jars, brokerLib, base);
            }
            Path broker = brokerLib;
            DeployRequest request = new DeployRequest(mapping(project, tree), options,
                    () -> jars.isEmpty() ? ProjectContext.write(projectDir, tree, port)
                            : ProjectContext.write(projectDir, tree, port, jars, broker),
                    BaseImage.buildArgs(base), this::status, detach ? READY_TIMEOUT : null);
            Deployment deployment = DockerSession.await(docker.deployer.deploy(request), DEPLOY_TIMEOUT);
            new DockerIdFile(projectDir).write(deployment.container().id());
            if (!detach) {
                status("container " + deployment.container().name() + " started; Ctrl+C stops it");
                return new Foreground(docker.containers, deployment.container(), out, err).run();
            }
            InspectContainerResponse state = DockerSession.await(docker.containers.inspect(deployment.container().id()),
                    Duration.ofSeconds(30)).orElseThrow();
            out.println(summary(deployment, state));
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** Uses the project's default image as it is when its fingerprint matches, else builds it with the new one. */
    private DockerOptions defaultImage(DockerSession docker, DockerOptions options, String project,
            Map<String, Object> tree, List<Path> jars, Path brokerLib, String base) {
        String tag = ImageRefs.defaultTag(project);
        String fingerprint = DefaultImage.fingerprint(jars, brokerLib, tree, config.controller().port(), base,
                DefaultImage.imageId(docker, base));
        Optional<String> current = DefaultImage.currentFingerprint(docker, tag);
        if (current.isPresent() && current.get().equals(fingerprint)) {
            status("image " + tag + " is up to date");
        }
        return DefaultImage.choose(options, tag, fingerprint, current);
    }

    /** A controller written to listen on loopback cannot be reached through published ports. */
    private void warnAboutLoopbackHost(Map<String, Object> tree, DockerOptions options) {
        Object controller = tree.get("controller");
        Object host = controller instanceof Map<?, ?> map ? map.get("host") : null;
        if (host != null && LOOPBACK.contains(String.valueOf(host)) && !options.ports().isEmpty()) {
            status("warning: controller.host is " + host + ", so inside the container the API listens on loopback"
                    + " only and the published ports reach nothing; leave host out (0.0.0.0 in containers)");
        }
    }

    /** The controller's mapping: the resolved values of the tree's {@code ${env.*}} references go in as environment. */
    private MappingContext mapping(String project, Map<String, Object> tree) {
        Map<String, String> env = new TreeMap<>(EnvReferences.values(tree, config.env()));
        if (kafka != null && !kafka.isBlank()) {
            env.put(KAFKA_ENV, kafka);
        }
        if (!env.isEmpty()) {
            status("passing " + env.keySet() + " to the container as environment");
        }
        return new MappingContext(project, MappingContext.CONTROLLER, projectDir, "controller.runtime", env,
                config.env(), 0);
    }

    private static String summary(Deployment deployment, InspectContainerResponse state) {
        String health = state.getState().getHealth() == null ? "running" : state.getState().getHealth().getStatus();
        String id = deployment.container().id();
        return deployment.container().name() + " is " + health + " (container " + id.substring(0, Math.min(12,
                id.length())) + ", image " + deployment.image().reference() + "); ports: " + ports(state)
                + "; stop with 'compose-cli down'";
    }

    static String ports(InspectContainerResponse state) {
        Ports ports = state.getNetworkSettings() == null ? null : state.getNetworkSettings().getPorts();
        List<String> published = new ArrayList<>();
        if (ports != null) {
            for (Map.Entry<ExposedPort, Ports.Binding[]> entry : ports.getBindings().entrySet()) {
                for (Ports.Binding binding : entry.getValue() == null ? new Ports.Binding[0] : entry.getValue()) {
                    String ip = binding.getHostIp() == null || binding.getHostIp().isEmpty() ? "0.0.0.0"
                            : binding.getHostIp();
                    published.add(ip + ":" + binding.getHostPortSpec() + "->" + entry.getKey().getPort() + "/"
                            + entry.getKey().getProtocol());
                }
            }
        }
        return published.isEmpty() ? "none published" : String.join(", ", published.stream().sorted().toList());
    }

    private void status(String line) {
        err.println(line);
        err.flush();
    }
}
