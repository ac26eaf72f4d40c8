package io.modelcompose.shared.config;

import io.modelcompose.shared.config.tree.SourceLocation;
import io.modelcompose.shared.config.load.ConfigLoader;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.config.docker.DockerOptions;
import io.modelcompose.shared.config.docker.PortMapping;
import io.modelcompose.shared.config.docker.RestartPolicy;
import io.modelcompose.shared.config.docker.VolumeMount;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Docker option forms the seed does not show. */
class DockerShortFormsTest {
    @TempDir
    Path dir;

    private DockerOptions docker(String runtimeYaml, Map<String, String> env) {
        TempProject project = new TempProject(dir).file("model-compose.yml",
                "controller:\n  runtime:\n    type: docker\n" + runtimeYaml.indent(4));
        return ConfigLoader.load(project.request().withProcessEnv(env)).controller().runtime().docker();
    }

    @Test
    void readsPortVariants() {
        DockerOptions docker = docker("""
                ports:
                  - "127.0.0.1:5000:8080"
                  - "5000:8080/udp"
                  - 22:22
                  - "127.0.0.1::9000"
                  - "[::1]:6000:6000"
                  - { target: 80 }
                """, Map.of());
        assertThat(docker.ports()).containsExactly(
                new PortMapping("127.0.0.1", 5000, 8080, "tcp", null),
                new PortMapping(null, 5000, 8080, "udp", null),
                new PortMapping(null, 22, 22, "tcp", null),
                new PortMapping("127.0.0.1", null, 9000, "tcp", null),
                new PortMapping("::1", 6000, 6000, "tcp", null),
                new PortMapping(null, null, 80, "tcp", null));
    }

    @Test
    void readsYamlNoAsRestartPolicyNoAndUnlimitedSwap() {
        DockerOptions docker = docker("restart: no\nmemswap_limit: -1\nmem_limit: 1.5g\n", Map.of());
        assertThat(docker.restart()).isEqualTo(RestartPolicy.NO);
        assertThat(docker.memswapLimitBytes()).isEqualTo(-1L);
        assertThat(docker.memLimitBytes()).isEqualTo(1_610_612_736L);
    }

    @Test
    void runsAStringCommandThroughAShell() {
        DockerOptions docker = docker("command: compose-cli up --verbose\nentrypoint: [ tini, -- ]\n", Map.of());
        assertThat(docker.command()).containsExactly("sh", "-c", "compose-cli up --verbose");
        assertThat(docker.entrypoint()).containsExactly("tini", "--");
    }

    @Test
    void readsEnvironmentListAndInheritsBareNames() {
        DockerOptions docker = docker("environment: [ A=1, B=x=y, FROM_HOST, NOT_SET ]\n", Map.of("FROM_HOST", "h"));
        assertThat(docker.environment()).isEqualTo(Map.of("A", "1", "B", "x=y", "FROM_HOST", "h"));
    }

    @Test
    void readsBuildShorthandAndAnonymousVolume() {
        DockerOptions docker = docker("build: ./docker\nvolumes: [ /scratch, \"~/cache:/cache:ro\" ]\n", Map.of());
        assertThat(docker.build().context()).isEqualTo("./docker");
        assertThat(docker.volumes().get(0))
                .isEqualTo(new VolumeMount(VolumeMount.Type.VOLUME, null, "/scratch", false, null, false, null, null));
        assertThat(docker.volumes().get(1).source())
                .isEqualTo(Path.of(System.getProperty("user.home"), "cache").toString());
        assertThat(docker.volumes().get(1).readOnly()).isTrue();
    }

    @Test
    void recordsNestedOptionLocations() {
        DockerOptions docker = docker("healthcheck:\n  test: true\nports: [ 80 ]\n", Map.of());
        assertThat(docker.locationOf("healthcheck.test")).isEqualTo(new SourceLocation("model-compose.yml", 5));
        assertThat(docker.locationOf("ports[0]").line()).isEqualTo(6);
        assertThat(docker.healthcheck().test()).isEqualTo(List.of("CMD-SHELL", "true"));
    }
}
