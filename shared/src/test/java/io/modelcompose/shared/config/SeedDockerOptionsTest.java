package io.modelcompose.shared.config;

import io.modelcompose.shared.config.tree.SourceLocation;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.config.RuntimeConfig.RuntimeType;
import io.modelcompose.shared.config.docker.DockerOptions;
import io.modelcompose.shared.config.docker.HealthcheckOptions;
import io.modelcompose.shared.config.docker.PortMapping;
import io.modelcompose.shared.config.docker.RestartPolicy;
import io.modelcompose.shared.config.docker.VolumeMount;
import io.modelcompose.shared.config.docker.VolumeMount.Type;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Docker options of the seed's controller snippets bind to the expected records. */
class SeedDockerOptionsTest {

    private static DockerOptions docker(String seedFile) {
        RuntimeConfig runtime = ConfigFixtures.loadSeed(seedFile).controller().runtime();
        assertThat(runtime.type()).isEqualTo(RuntimeType.DOCKER);
        return runtime.docker();
    }

    @Test
    void expandsRuntimeStringToDockerWithDefaults() {
        ComposeConfig config = ConfigFixtures.loadSeed("seed-14-2-1-runtime-string.yml");
        DockerOptions docker = config.controller().runtime().docker();
        assertThat(config.controller().type()).isEqualTo("http-server");
        assertThat(config.controller().port()).isEqualTo(8080);
        assertThat(docker.image()).isNull();
        assertThat(docker.ports()).isEmpty();
        assertThat(docker.restart()).isNull();
        assertThat(docker.locationOf("type").line()).isEqualTo(5);
    }

    @Test
    void readsImageAndContainerName() {
        DockerOptions docker = docker("seed-14-2-1-image.yml");
        assertThat(docker.image()).isEqualTo("my-registry/model-compose:latest");
        assertThat(docker.containerName()).isEqualTo("my-controller");
        assertThat(docker.locationOf("image")).isEqualTo(new SourceLocation("seed-14-2-1-image.yml", 7));
    }

    @Test
    void readsShortPortsWithASinglePortMappedToItself() {
        assertThat(docker("seed-14-2-1-ports.yml").ports()).containsExactly(
                new PortMapping(null, 5000, 8080, "tcp", null),
                new PortMapping(null, 8081, 8081, "tcp", null));
    }

    @Test
    void readsLongPorts() {
        assertThat(docker("seed-14-2-2-ports-long.yml").ports())
                .containsExactly(new PortMapping(null, 5000, 8080, "tcp", "host"));
    }

    @Test
    void readsBuildOptions() {
        var build = docker("seed-14-2-2-build.yml").build();
        assertThat(build.context()).isEqualTo(".");
        assertThat(build.dockerfile()).isEqualTo("Dockerfile");
        assertThat(build.args()).isEqualTo(Map.of("PYTHON_VERSION", "3.11", "MODEL_NAME", "llama-2"));
        assertThat(build.target()).isEqualTo("production");
        assertThat(build.cacheFrom()).containsExactly("my-registry/cache:latest");
        assertThat(build.labels()).isEqualTo(Map.of("app", "model-compose", "version", "1.0"));
        assertThat(build.network()).isEqualTo("host");
        assertThat(build.pull()).isTrue();
    }

    @Test
    void mergesTwoDocumentsOfOneFileInOrder() {
        assertThat(docker("seed-14-3-3-build-targets.yml").build().target()).isEqualTo("development");
    }

    @Test
    void readsNetworksAllOfThem() {
        assertThat(docker("seed-14-2-2-networks.yml").networks()).containsExactly("my-network", "bridge");
    }

    @Test
    void readsCommandListAndSplitsEntrypointString() {
        DockerOptions docker = docker("seed-14-2-2-container-options.yml");
        assertThat(docker.hostname()).isEqualTo("model-compose-host");
        assertThat(docker.command()).containsExactly("python", "-m", "mindor.cli.compose", "up", "--verbose");
        assertThat(docker.entrypoint()).containsExactly("/bin/bash");
        assertThat(docker.workingDir()).isEqualTo("/app");
        assertThat(docker.user()).isEqualTo("1000:1000");
    }

    @Test
    void readsResourceLimitsInBytesAndCpus() {
        DockerOptions docker = docker("seed-14-2-2-resources.yml");
        assertThat(docker.memLimitBytes()).isEqualTo(2_147_483_648L);
        assertThat(docker.memswapLimitBytes()).isEqualTo(4L * 1024 * 1024 * 1024);
        assertThat(docker.cpus()).isEqualTo(2.0);
        assertThat(docker.cpuShares()).isEqualTo(1024);
    }

    @Test
    void readsRestartPolicies() {
        assertThat(docker("seed-14-2-2-restart.yml").restart()).isEqualTo(RestartPolicy.ALWAYS);
        assertThat(docker("seed-14-4-3-restart.yml").restart()).isEqualTo(RestartPolicy.UNLESS_STOPPED);
    }

    @Test
    void readsHealthcheckList() {
        assertThat(docker("seed-14-2-2-healthcheck.yml").healthcheck()).isEqualTo(new HealthcheckOptions(
                List.of("CMD", "curl", "-f", "http://localhost:8080/health"), Duration.ofSeconds(30),
                Duration.ofSeconds(10), 3, Duration.ofSeconds(40)));
    }

    @Test
    void turnsHealthcheckStringIntoCmdShellWithDefaults() {
        assertThat(docker("seed-14-2-2-healthcheck-string.yml").healthcheck()).isEqualTo(new HealthcheckOptions(
                List.of("CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"), Duration.ofSeconds(30),
                Duration.ofSeconds(30), 3, Duration.ZERO));
    }

    @Test
    void keepsCustomCmdShellHealthcheck() {
        HealthcheckOptions check = docker("seed-14-4-4-custom-healthcheck.yml").healthcheck();
        assertThat(check.test()).containsExactly("CMD-SHELL",
                "python -c 'import requests; requests.get(\"http://localhost:8080/health\")' || exit 1");
        assertThat(check.interval()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void readsSecurityOptions() {
        DockerOptions docker = docker("seed-14-2-2-security.yml");
        assertThat(docker.privileged()).isFalse();
        assertThat(docker.securityOpt()).containsExactly("apparmor=unconfined", "seccomp=unconfined");
    }

    @Test
    void readsLoggingAndLabels() {
        DockerOptions docker = docker("seed-14-5-5-gelf.yml");
        assertThat(docker.logging().driver()).isEqualTo("gelf");
        assertThat(docker.logging().options()).containsEntry("gelf-address", "udp://logstash:12201")
                .containsEntry("labels", "environment,service");
        assertThat(docker.labels()).isEqualTo(Map.of("environment", "production", "service", "model-compose"));
        assertThat(docker("seed-14-2-2-labels.yml").labels()).containsEntry("version", "1.0.0");
    }

    @Test
    void readsShortVolumesAsBindsUnderTheProjectOrNamedVolumes() {
        String project = ConfigFixtures.dir("valid/seed").toAbsolutePath().toString();
        assertThat(docker("seed-14-2-3-volumes-short.yml").volumes()).containsExactly(
                new VolumeMount(Type.BIND, project + "/models", "/models", false, null, false, null, null),
                new VolumeMount(Type.BIND, project + "/cache", "/cache", true, null, false, null, null),
                new VolumeMount(Type.VOLUME, "model-data", "/data", false, null, false, null, null));
    }

    @Test
    void readsLongVolumes() {
        String project = ConfigFixtures.dir("valid/seed").toAbsolutePath().toString();
        assertThat(docker("seed-14-2-3-volumes-long.yml").volumes()).containsExactly(
                new VolumeMount(Type.BIND, project + "/models", "/models", false, "rprivate", false, null, null),
                new VolumeMount(Type.VOLUME, "model-data", "/data", false, null, false, null, null),
                new VolumeMount(Type.TMPFS, null, "/tmp", false, null, false, 1_073_741_824L, 1777));
    }

    @Test
    void resolvesEnvironmentValuesAsStrings() {
        assertThat(docker("seed-14-2-3-environment.yml").environment()).isEqualTo(Map.of(
                "OPENAI_API_KEY", "sk-test-from-dotenv", "MODEL_CACHE_DIR", "/models", "LOG_LEVEL", "info",
                "WORKERS", "4"));
        assertThat(docker("seed-14-4-5-secrets.yml").environment()).containsEntry("DB_PASSWORD", "secret");
    }

    @Test
    void resolvesEnvFilesAgainstTheProjectFolder() {
        String project = ConfigFixtures.dir("valid/seed").toAbsolutePath().toString();
        assertThat(docker("seed-14-2-3-env-file.yml").envFile())
                .containsExactly(project + "/.env", project + "/.env.production");
    }
}
