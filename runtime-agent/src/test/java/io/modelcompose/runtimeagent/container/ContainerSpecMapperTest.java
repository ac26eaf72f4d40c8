package io.modelcompose.runtimeagent.container;

import static io.modelcompose.runtimeagent.testing.OptionsBuilder.bind;
import static io.modelcompose.runtimeagent.testing.OptionsBuilder.options;
import static io.modelcompose.runtimeagent.testing.OptionsBuilder.tmpfs;
import static io.modelcompose.runtimeagent.testing.OptionsBuilder.volume;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.BindPropagation;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Ports;
import io.modelcompose.runtimeagent.testing.OptionsBuilder;
import io.modelcompose.shared.config.docker.HealthcheckOptions;
import io.modelcompose.shared.config.docker.RestartPolicy;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerSpecMapperTest {
    @TempDir
    Path projectDir;

    private ContainerSpec map(OptionsBuilder options) {
        return ContainerSpecMapper.map(options.get(), MappingContext.controller("demo", projectDir, 2));
    }

    @Test
    void defaultsNameImageLabelsAndInit() {
        ContainerSpec spec = map(options());

        assertThat(spec.name()).isEqualTo("compose-demo");
        assertThat(spec.image()).isEqualTo("compose/demo:latest");
        assertThat(spec.labels()).containsEntry("compose.project", "demo").containsEntry("compose.service", "controller");
        assertThat(spec.hostConfig().getInit()).isTrue();
        assertThat(spec.cmd()).isNull();
        assertThat(spec.healthcheck()).isNull();
        assertThat(spec.hostConfig().getNetworkMode()).isNull();
    }

    @Test
    void mapsImageNameAndProcessOptions() {
        ContainerSpec spec = map(options().image("my-registry/model-compose:latest").containerName("my-controller")
                .hostname("model-compose-host").command("python", "-m", "mindor.cli.compose", "up", "--verbose")
                .entrypoint("/bin/bash").workingDir("/app").user("1000:1000"));

        assertThat(spec.image()).isEqualTo("my-registry/model-compose:latest");
        assertThat(spec.name()).isEqualTo("my-controller");
        assertThat(spec.hostname()).isEqualTo("model-compose-host");
        assertThat(spec.cmd()).containsExactly("python", "-m", "mindor.cli.compose", "up", "--verbose");
        assertThat(spec.entrypoint()).containsExactly("/bin/bash");
        assertThat(spec.workingDir()).isEqualTo("/app");
        assertThat(spec.user()).isEqualTo("1000:1000");
    }

    @Test
    void mapsPortsWithHostIpProtocolAndRandomHostPort() {
        ContainerSpec spec = map(options().port(null, 5000, 8080, "tcp").port(null, 8081, 8081, null)
                .port("127.0.0.1", 5001, 9000, "udp").port(null, null, 7000, "tcp"));

        assertThat(spec.exposedPorts()).containsExactly(ExposedPort.tcp(8080), ExposedPort.tcp(8081),
                new ExposedPort(9000, InternetProtocol.UDP), ExposedPort.tcp(7000));
        Map<ExposedPort, Ports.Binding[]> bindings = spec.hostConfig().getPortBindings().getBindings();
        assertThat(bindings.get(ExposedPort.tcp(8080))).containsExactly(Ports.Binding.bindPort(5000));
        assertThat(bindings.get(ExposedPort.tcp(8081))).containsExactly(Ports.Binding.bindPort(8081));
        assertThat(bindings.get(new ExposedPort(9000, InternetProtocol.UDP)))
                .containsExactly(Ports.Binding.bindIpAndPort("127.0.0.1", 5001));
        assertThat(bindings.get(ExposedPort.tcp(7000))[0].getHostPortSpec()).isNull();
    }

    @Test
    void rejectsUnknownPortProtocolNamingPorts() {
        OptionsBuilder options = options().port(null, 5000, 8080, "http");

        assertThatThrownBy(() -> map(options)).isInstanceOf(ComposeException.class)
                .hasMessage("model-compose.yml:" + options.lineOf("ports")
                        + ": controller.runtime.ports[0]: protocol 'http' is not tcp, udp or sctp");
    }

    @Test
    void mapsBindVolumeAndTmpfsMounts() {
        ContainerSpec spec = map(options().volume(bind("./models", "/models", false, "rprivate"))
                .volume(bind("./cache", "/cache", true, null)).volume(volume("model-data", "/data", true))
                .volume(tmpfs("/tmp", 1073741824L, 1777)));

        List<Mount> mounts = spec.hostConfig().getMounts();
        assertThat(mounts).hasSize(4);
        assertThat(mounts.get(0).getType()).isEqualTo(MountType.BIND);
        assertThat(mounts.get(0).getSource()).isEqualTo(projectDir.resolve("models").toString());
        assertThat(mounts.get(0).getReadOnly()).isFalse();
        assertThat(mounts.get(0).getBindOptions().getPropagation()).isEqualTo(BindPropagation.R_PRIVATE);
        assertThat(mounts.get(1).getReadOnly()).isTrue();
        assertThat(mounts.get(2).getType()).isEqualTo(MountType.VOLUME);
        assertThat(mounts.get(2).getSource()).isEqualTo("model-data");
        assertThat(mounts.get(2).getVolumeOptions().getNoCopy()).isTrue();
        assertThat(mounts.get(3).getType()).isEqualTo(MountType.TMPFS);
        assertThat(mounts.get(3).getTmpfsOptions().getSizeBytes()).isEqualTo(1073741824L);
        assertThat(mounts.get(3).getTmpfsOptions().getMode()).isEqualTo(01777);
    }

    @Test
    void rejectsNonOctalTmpfsModeAndUnknownPropagation() {
        assertThatThrownBy(() -> map(options().volume(tmpfs("/scratch", null, 1789))))
                .hasMessageContaining("controller.runtime.volumes[0]: tmpfs mode 1789 is not an octal mode");
        assertThatThrownBy(() -> map(options().volume(bind("./x", "/x", false, "sideways"))))
                .hasMessageContaining("bind propagation 'sideways' is not one of");
    }

    @Test
    void mapsMemoryCpusSharesAndRestart() {
        HostConfig host = map(options().memLimit(2L << 30).memswapLimit(4L << 30).cpus(1.5).cpuShares(512)
                .restart(RestartPolicy.UNLESS_STOPPED)).hostConfig();

        assertThat(host.getMemory()).isEqualTo(2L << 30);
        assertThat(host.getMemorySwap()).isEqualTo(4L << 30);
        assertThat(host.getNanoCPUs()).isEqualTo(1_500_000_000L);
        assertThat(host.getCpuShares()).isEqualTo(512);
        assertThat(host.getRestartPolicy()).isEqualTo(com.github.dockerjava.api.model.RestartPolicy.unlessStoppedRestart());
    }

    @Test
    void mapsEveryRestartPolicy() {
        assertThat(restartOf(RestartPolicy.NO)).isEqualTo(com.github.dockerjava.api.model.RestartPolicy.noRestart());
        assertThat(restartOf(RestartPolicy.ALWAYS).getName()).isEqualTo("always");
        assertThat(restartOf(RestartPolicy.ON_FAILURE).getName()).isEqualTo("on-failure");
        assertThat(restartOf(RestartPolicy.UNLESS_STOPPED).getName()).isEqualTo("unless-stopped");
    }

    private com.github.dockerjava.api.model.RestartPolicy restartOf(RestartPolicy policy) {
        return map(options().restart(policy)).hostConfig().getRestartPolicy();
    }

    @Test
    void rejectsCpusAboveTheHostCountNamingCpusAndItsLine() {
        OptionsBuilder options = options().cpus(4.0);

        assertThatThrownBy(() -> map(options)).isInstanceOf(ComposeException.class)
                .satisfies(e -> assertThat(((ComposeException) e).code()).isEqualTo(ErrorCode.CONFIG_INVALID))
                .hasMessage("model-compose.yml:" + options.lineOf("cpus")
                        + ": controller.runtime.cpus: 4.0 is more than the 2 CPUs of the Docker host");
    }

    @Test
    void rejectsSwapWithoutOrBelowMemory() {
        assertThatThrownBy(() -> map(options().memswapLimit(1L << 30)))
                .hasMessageContaining("controller.runtime.memswap_limit: needs mem_limit");
        assertThatThrownBy(() -> map(options().memLimit(2L << 30).memswapLimit(1L << 30)))
                .hasMessageContaining("memswap_limit: must be at least mem_limit");
        assertThat(map(options().memLimit(64L << 20).memswapLimit(-1)).hostConfig().getMemorySwap()).isEqualTo(-1L);
    }

    @Test
    void mapsHealthcheckWithDurationsInNanosAndRetries() {
        ContainerSpec spec = map(options().healthcheck(new HealthcheckOptions(
                List.of("CMD", "curl", "-f", "http://localhost:8080/health"), Duration.ofSeconds(30),
                Duration.ofSeconds(10), 3, Duration.ofSeconds(40))));

        assertThat(spec.healthcheck().getTest()).containsExactly("CMD", "curl", "-f", "http://localhost:8080/health");
        assertThat(spec.healthcheck().getInterval()).isEqualTo(30_000_000_000L);
        assertThat(spec.healthcheck().getTimeout()).isEqualTo(10_000_000_000L);
        assertThat(spec.healthcheck().getRetries()).isEqualTo(3);
        assertThat(spec.healthcheck().getStartPeriod()).isEqualTo(40_000_000_000L);
    }

    @Test
    void keepsShellHealthcheckAndPrefixesBareCommandWithCmd() {
        ContainerSpec shell = map(options().healthcheck(new HealthcheckOptions(
                List.of("CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"), null, null, 3, null)));
        ContainerSpec bare = map(options().healthcheck(new HealthcheckOptions(
                List.of("true"), null, null, 3, null)));

        assertThat(shell.healthcheck().getTest()).containsExactly("CMD-SHELL",
                "curl -f http://localhost:8080/health || exit 1");
        assertThat(shell.healthcheck().getInterval()).isNull();
        assertThat(bare.healthcheck().getTest()).containsExactly("CMD", "true");
    }

    @Test
    void mapsPrivilegedSecurityOptsAndLogging() {
        HostConfig host = map(options().privileged(false).securityOpt("apparmor=unconfined")
                .securityOpt("seccomp=unconfined").logging("json-file", Map.of("max-size", "10m", "max-file", "3")))
                .hostConfig();

        assertThat(host.getPrivileged()).isFalse();
        assertThat(host.getSecurityOpts()).containsExactly("apparmor=unconfined", "seccomp=unconfined");
        assertThat(host.getLogConfig().getType().getType()).isEqualTo("json-file");
        assertThat(host.getLogConfig().getConfig()).containsEntry("max-size", "10m").containsEntry("max-file", "3");
    }

    @Test
    void rejectsUnknownLogDriver() {
        assertThatThrownBy(() -> map(options().logging("carrier-pigeon", Map.of())))
                .hasMessageContaining("controller.runtime.logging: unknown log driver 'carrier-pigeon'")
                .hasMessageContaining("json-file");
    }

    @Test
    void mapsLocalLogDriver() {
        assertThat(map(options().logging("local", Map.of())).hostConfig().getLogConfig().getType())
                .isEqualTo(LogConfig.LoggingType.LOCAL);
    }

    @Test
    void keepsUserLabelsAndOursWin() {
        ContainerSpec spec = map(options().label("environment", "production").label("compose.project", "other"));

        assertThat(spec.labels()).containsEntry("environment", "production").containsEntry("compose.project", "demo");
    }

    @Test
    void setsFirstNetworkAsModeAndKeepsTheOthersForConnect() {
        ContainerSpec spec = map(options().network("my-network").network("bridge").network("third"));

        assertThat(spec.hostConfig().getNetworkMode()).isEqualTo("my-network");
        assertThat(spec.networks()).containsExactly("my-network", "bridge", "third");
        assertThat(spec.extraNetworks()).containsExactly("bridge", "third");
    }

    @Test
    void readsEnvFilesNowAndEnvironmentWins() throws IOException {
        Files.writeString(projectDir.resolve(".env"), """
                # comment
                OPENAI_API_KEY=from-file
                LOG_LEVEL=debug
                export QUOTED="two words"
                SINGLE='it''s'
                INLINE=value # a comment
                FROM_HOST
                """);
        Files.writeString(projectDir.resolve(".env.production"), "LOG_LEVEL=warning\nDB_PASSWORD=secret\n");
        MappingContext ctx = new MappingContext("demo", "controller", projectDir, "controller.runtime",
                Map.of("EXTRA", "x", "LOG_LEVEL", "extra"), Map.of("FROM_HOST", "host-value"), 2);

        ContainerSpec spec = ContainerSpecMapper.map(options().envFile(".env").envFile(".env.production")
                .env("OPENAI_API_KEY", "from-environment").env("WORKERS", "4").get(), ctx);

        assertThat(spec.env()).containsExactlyInAnyOrder("EXTRA=x", "OPENAI_API_KEY=from-environment",
                "LOG_LEVEL=warning", "QUOTED=two words", "SINGLE=it''s", "INLINE=value", "FROM_HOST=host-value",
                "DB_PASSWORD=secret", "WORKERS=4");
    }

    @Test
    void rejectsMissingEnvFileNamingTheOptionAndLine() {
        OptionsBuilder options = options().envFile(".env.missing");

        assertThatThrownBy(() -> map(options)).isInstanceOf(ComposeException.class)
                .hasMessageStartingWith("model-compose.yml:" + options.lineOf("env_file")
                        + ": controller.runtime.env_file[0]: env file '.env.missing' not found");
    }

    @Test
    void neverShowsEnvValuesInToString() {
        ContainerSpec spec = map(options().env("DB_PASSWORD", "hunter2"));

        assertThat(spec.toString()).contains("DB_PASSWORD").doesNotContain("hunter2");
    }
}
