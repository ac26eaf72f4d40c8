package io.modelcompose.runtimeagent.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.AuthConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryAuthsTest {
    @TempDir
    Path dir;

    private RegistryAuths write(String json) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        return RegistryAuths.load(file);
    }

    private static String basic(String userAndPassword) {
        return Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesTheAuthFieldOfTheMatchingRegistry() throws IOException {
        RegistryAuths auths = write("""
                {"auths": {"my-registry.com": {"auth": "%s"}, "other.io": {"auth": "%s"}}}
                """.formatted(basic("myuser:my:pass"), basic("x:y")));

        AuthConfig auth = auths.forRegistry("my-registry.com").orElseThrow();

        assertThat(auth.getUsername()).isEqualTo("myuser");
        assertThat(auth.getPassword()).isEqualTo("my:pass");
        assertThat(auth.getRegistryAddress()).isEqualTo("my-registry.com");
    }

    @Test
    void matchesSchemesPathsAndDockerHubAliases() throws IOException {
        RegistryAuths auths = write("""
                {"auths": {"https://index.docker.io/v1/": {"auth": "%s"},
                           "https://my-registry.com:5000/v2/": {"username": "u", "password": "p"}}}
                """.formatted(basic("hub:secret")));

        assertThat(auths.forRegistry("docker.io").orElseThrow().getUsername()).isEqualTo("hub");
        assertThat(auths.forRegistry("docker.io").orElseThrow().getRegistryAddress())
                .isEqualTo("https://index.docker.io/v1/");
        assertThat(auths.forRegistry("my-registry.com:5000").orElseThrow().getPassword()).isEqualTo("p");
    }

    @Test
    void givesNothingForUnknownRegistriesOrMissingAndBrokenFiles() throws IOException {
        assertThat(write("{\"auths\": {}}").forRegistry("my-registry.com")).isEmpty();
        assertThat(write("not json").forRegistry("my-registry.com")).isEmpty();
        assertThat(RegistryAuths.load(dir.resolve("absent.json")).forRegistry("docker.io")).isEmpty();
    }
}
