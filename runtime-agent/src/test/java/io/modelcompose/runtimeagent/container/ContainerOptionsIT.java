package io.modelcompose.runtimeagent.container;

import static io.modelcompose.runtimeagent.testing.DockerFixture.await;
import static io.modelcompose.runtimeagent.testing.OptionsBuilder.bind;
import static io.modelcompose.runtimeagent.testing.OptionsBuilder.options;
import static io.modelcompose.runtimeagent.testing.OptionsBuilder.tmpfs;
import static io.modelcompose.runtimeagent.testing.OptionsBuilder.volume;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.BindPropagation;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Ports;
import io.modelcompose.runtimeagent.testing.DockerFixture;
import io.modelcompose.runtimeagent.testing.OptionsBuilder;
import io.modelcompose.shared.config.docker.HealthcheckOptions;
import io.modelcompose.shared.config.docker.RestartPolicy;
import io.modelcompose.testkit.docker.RequiresDocker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every option reaches the engine: one container carries most of them, inspect shows what the engine holds. */
@RequiresDocker
class ContainerOptionsIT {
    private static DockerFixture docker;
    private static InspectContainerResponse rich;
    private static String netA;
    private static String netB;
    private static String dataVolume;
    private static int hostPort;
    @TempDir
    static Path projectDir;

    @BeforeAll
    static void startRichContainer() throws IOException {
        docker = new DockerFixture();
        netA = docker.network("a");
        netB = docker.network("b");
        dataVolume = docker.volumeName("data");
        hostPort = freePort();
        Files.createDirectories(projectDir.resolve("models"));
        Files.createDirectories(projectDir.resolve("cache"));
        Files.writeString(projectDir.resolve(".env"), "OPENAI_API_KEY=sk-test\nLOG_LEVEL=debug\n");

        OptionsBuilder options = options().image(docker.jreBase).containerName(docker.project + "-rich")
                .hostname("model-compose-host").entrypoint("/bin/sh", "-c")
                .command("touch /scratch/ready && echo started && exec sleep 300")
                .workingDir("/home/app").user("1000:1000")
                .env("LOG_LEVEL", "info").env("WORKERS", "4").envFile(".env")
                .label("environment", "production").label("team", "ml-ops")
                .port("127.0.0.1", hostPort, 8080, "tcp").port("127.0.0.1", null, 9000, "udp")
                .volume(bind("./models", "/models", false, "rprivate")).volume(bind("./cache", "/cache", true, null))
                .volume(volume(dataVolume, "/data", true)).volume(tmpfs("/scratch", 16L << 20, 1777))
                .memLimit(64L << 20).memswapLimit(128L << 20).cpus(0.5).cpuShares(512)
                .restart(RestartPolicy.UNLESS_STOPPED)
                .healthcheck(new HealthcheckOptions(List.of("CMD-SHELL", "test -f /scratch/ready"),
                        Duration.ofSeconds(1), Duration.ofSeconds(2), 3, Duration.ofSeconds(1)))
                .securityOpt("no-new-privileges:true").securityOpt("seccomp=unconfined")
                .logging("json-file", Map.of("max-size", "1m", "max-file", "2"))
                .network(netA).network(netB);
        ContainerSpec spec = ContainerSpecMapper.map(options.get(),
                MappingContext.controller(docker.project, projectDir, 2));

        List<String> warnings = new ArrayList<>();
        long start = System.nanoTime();
        RunningContainer container = await(docker.containers.up(spec, warnings::add));
        long started = System.nanoTime();
        await(docker.containers.waitHealthy(container.id(), Duration.ofSeconds(30)));
        System.err.printf("[timing] create+start %d ms, healthy after %d ms more (interval 1 s); warnings %s%n",
                (started - start) / 1_000_000, (System.nanoTime() - started) / 1_000_000, warnings);
        rich = docker.inspect(container.id());
    }

    @AfterAll
    static void cleanUp() throws IOException {
        docker.close();
    }

    @Test
    void engineHoldsProcessOptions() {
        var config = rich.getConfig();
        assertThat(config.getHostName()).isEqualTo("model-compose-host");
        assertThat(config.getEntrypoint()).containsExactly("/bin/sh", "-c");
        assertThat(config.getCmd()).containsExactly("touch /scratch/ready && echo started && exec sleep 300");
        assertThat(config.getWorkingDir()).isEqualTo("/home/app");
        assertThat(config.getUser()).isEqualTo("1000:1000");
        assertThat(rich.getHostConfig().getInit()).isTrue();
    }

    @Test
    void engineHoldsEnvironmentWithEnvFileValuesBelowEnvironment() {
        assertThat(rich.getConfig().getEnv()).contains("OPENAI_API_KEY=sk-test", "LOG_LEVEL=info", "WORKERS=4")
                .doesNotContain("LOG_LEVEL=debug");
    }

    @Test
    void engineHoldsLabelsIncludingOurs() {
        assertThat(rich.getConfig().getLabels()).containsEntry("environment", "production")
                .containsEntry("team", "ml-ops").containsEntry("compose.project", docker.project)
                .containsEntry("compose.service", "controller");
    }

    @Test
    void engineHoldsPortsWithHostIpAndProtocol() {
        Map<ExposedPort, Ports.Binding[]> ports = rich.getNetworkSettings().getPorts().getBindings();
        assertThat(ports.get(ExposedPort.tcp(8080)))
                .containsExactly(Ports.Binding.bindIpAndPort("127.0.0.1", hostPort));
        Ports.Binding udp = ports.get(new ExposedPort(9000, InternetProtocol.UDP))[0];
        assertThat(udp.getHostIp()).isEqualTo("127.0.0.1");
        assertThat(Integer.parseInt(udp.getHostPortSpec())).isPositive();
    }

    @Test
    void engineHoldsMountsWithReadOnlyPropagationNocopyAndTmpfsSizeAndMode() {
        List<Mount> mounts = rich.getHostConfig().getMounts();
        assertThat(mounts).hasSize(4);
        assertThat(mounts.get(0).getSource()).isEqualTo(projectDir.resolve("models").toString());
        assertThat(mounts.get(0).getBindOptions().getPropagation()).isEqualTo(BindPropagation.R_PRIVATE);
        assertThat(mounts.get(1).getReadOnly()).isTrue();
        assertThat(mounts.get(2).getType()).isEqualTo(MountType.VOLUME);
        assertThat(mounts.get(2).getSource()).isEqualTo(dataVolume);
        assertThat(mounts.get(2).getVolumeOptions().getNoCopy()).isTrue();
        assertThat(mounts.get(3).getTmpfsOptions().getSizeBytes()).isEqualTo(16L << 20);
        assertThat(mounts.get(3).getTmpfsOptions().getMode()).isEqualTo(01777);
    }

    @Test
    void engineHoldsResourcesAndRestartPolicy() {
        HostConfig host = rich.getHostConfig();
        assertThat(host.getMemory()).isEqualTo(64L << 20);
        assertThat(host.getMemorySwap()).isEqualTo(128L << 20);
        assertThat(host.getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(host.getCpuShares()).isEqualTo(512);
        assertThat(host.getRestartPolicy().getName()).isEqualTo("unless-stopped");
    }

    @Test
    void engineHoldsHealthcheckTimingsAndReportsHealthy() {
        HealthCheck check = rich.getConfig().getHealthcheck();
        assertThat(check.getTest()).containsExactly("CMD-SHELL", "test -f /scratch/ready");
        assertThat(check.getInterval()).isEqualTo(1_000_000_000L);
        assertThat(check.getTimeout()).isEqualTo(2_000_000_000L);
        assertThat(check.getRetries()).isEqualTo(3);
        assertThat(check.getStartPeriod()).isEqualTo(1_000_000_000L);
        assertThat(rich.getState().getHealth().getStatus()).isEqualTo("healthy");
    }

    @Test
    void engineHoldsSecurityOptsAndLogConfig() {
        HostConfig host = rich.getHostConfig();
        assertThat(host.getSecurityOpts()).contains("no-new-privileges:true", "seccomp=unconfined");
        assertThat(host.getLogConfig().getType().getType()).isEqualTo("json-file");
        assertThat(host.getLogConfig().getConfig()).containsEntry("max-size", "1m").containsEntry("max-file", "2");
    }

    @Test
    void attachesEveryNetwork() {
        assertThat(rich.getNetworkSettings().getNetworks()).containsOnlyKeys(netA, netB);
    }

    @Test
    void streamsLogsAfterStart() {
        List<LogLine> lines = new ArrayList<>();
        LogStream stream = await(docker.containers.logs(rich.getId(), false, lines::add));
        await(stream.done());
        assertThat(lines).contains(new LogLine(LogLine.Stream.STDOUT, "started"));
    }

    @Test
    void findsTheProjectsContainersByLabel() {
        assertThat(await(docker.containers.findOwned(docker.project))).extracting(c -> c.getId())
                .contains(rich.getId());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
