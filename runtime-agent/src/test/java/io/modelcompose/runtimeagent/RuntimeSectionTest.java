package io.modelcompose.runtimeagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcompose.shared.config.ConfigException;
import io.modelcompose.shared.config.docker.DockerOptions;
import io.modelcompose.shared.error.ComposeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeSectionTest {
    @TempDir
    Path dir;

    private DockerOptions bind(Map<String, Object> runtime, Map<String, String> env) {
        return RuntimeSection.bind(runtime, env, dir, dir.resolve("work/cmd-1.yml"), "deploy command c1");
    }

    private static Map<String, Object> docker(Object... keyValues) {
        Map<String, Object> runtime = new LinkedHashMap<>();
        runtime.put("type", "docker");
        for (int i = 0; i < keyValues.length; i += 2) {
            runtime.put((String) keyValues[i], keyValues[i + 1]);
        }
        return runtime;
    }

    @Test
    void bindsTheOptionsWithTheCommandEnvironmentAndLeavesNoFileBehind() {
        DockerOptions options = bind(docker("image", "busybox:1", "mem_limit", "512m",
                "environment", Map.of("API_KEY", "${env.API_KEY}")), Map.of("API_KEY", "k-1"));

        assertThat(options.image()).isEqualTo("busybox:1");
        assertThat(options.memLimitBytes()).isEqualTo(512L << 20);
        assertThat(options.environment()).containsEntry("API_KEY", "k-1");
        assertThat(dir.resolve("work/cmd-1.yml")).doesNotExist();
    }

    @Test
    void resolvesEnvFilesAgainstTheProjectFolder() throws Exception {
        Files.writeString(dir.resolve(".env.production"), "A=1\n");

        DockerOptions options = bind(docker("env_file", List.of(".env.production")), Map.of());

        assertThat(options.envFile()).containsExactly(dir.resolve(".env.production").toString());
    }

    @Test
    void refusesABadSizeNamingTheOption() {
        assertThatThrownBy(() -> bind(docker("mem_limit", "2x"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("deploy command c1: controller.runtime.mem_limit: invalid size '2x'");
    }

    @Test
    void refusesAnUnknownOption() {
        assertThatThrownBy(() -> bind(docker("mem_limt", "2g"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("mem_limt");
    }

    @Test
    void refusesAMissingEnvFile() {
        assertThatThrownBy(() -> bind(docker("env_file", List.of(".env.missing")), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("env file '.env.missing' not found");
    }

    @Test
    void refusesANativeOrMissingSection() {
        assertThatThrownBy(() -> bind(Map.of("type", "native"), Map.of()))
                .isInstanceOf(ComposeException.class).hasMessageContaining("must be docker");
        assertThatThrownBy(() -> bind(null, Map.of()))
                .isInstanceOf(ComposeException.class).hasMessageContaining("no runtime section");
    }
}
