package io.modelcompose.cli.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.config.docker.DockerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultImageTest {
    private static final DockerOptions DEFAULT = new DockerOptions(null, null, null, List.of(), List.of(), null, null,
            null, null, null, null, null, null, null, null, null, null, List.of(), null, Map.of("team", "a"),
            List.of(), Map.of(), List.of(), Map.of());

    @TempDir
    Path dir;

    @Test
    void usesTheImageAsItIsWhenTheFingerprintMatches() {
        DockerOptions chosen = DefaultImage.choose(DEFAULT, "compose/p:latest", "abc", Optional.of("abc"));

        assertThat(chosen.image()).isEqualTo("compose/p:latest");
        assertThat(chosen.build()).isNull();
        assertThat(chosen.labels()).isEqualTo(DEFAULT.labels());
    }

    @Test
    void buildsWithTheNewFingerprintOtherwise() {
        DockerOptions chosen = DefaultImage.choose(DEFAULT, "compose/p:latest", "abc", Optional.of("old"));

        assertThat(chosen.image()).isNull();
        assertThat(chosen.build().labels()).isEqualTo(Map.of(DefaultImage.LABEL, "abc"));
        assertThat(chosen.build().dockerfile()).isNull();
        assertThat(DefaultImage.applies(DEFAULT)).isTrue();
        assertThat(DefaultImage.applies(chosen)).isFalse();
    }

    @Test
    void fingerprintChangesWithTheJarsTheConfigAndTheBaseImage() throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "v1");
        Path broker = Files.createDirectories(dir.resolve("kafka"));
        Files.writeString(broker.resolve("kafka.jar"), "k");
        Map<String, Object> tree = Map.of("controller", Map.of("port", 8080));
        String first = DefaultImage.fingerprint(List.of(jar), broker, tree, 8080, "base:1", "sha256:1");

        assertThat(DefaultImage.fingerprint(List.of(jar), broker, tree, 8080, "base:1", "sha256:1")).isEqualTo(first);
        assertThat(DefaultImage.fingerprint(List.of(jar), broker, Map.of(), 8080, "base:1", "sha256:1"))
                .isNotEqualTo(first);
        assertThat(DefaultImage.fingerprint(List.of(jar), broker, tree, 8080, "base:1", "sha256:2")).isNotEqualTo(first);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));
        assertThat(DefaultImage.fingerprint(List.of(jar), broker, tree, 8080, "base:1", "sha256:1")).isNotEqualTo(first);
    }
}
