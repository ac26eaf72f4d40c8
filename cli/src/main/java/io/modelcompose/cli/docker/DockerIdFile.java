package io.modelcompose.cli.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code .compose/docker.id}: the id of the container {@code up} started, for {@code down}. */
public record DockerIdFile(Path projectDir) {

    public Path file() {
        return projectDir.resolve(".compose").resolve("docker.id");
    }

    public boolean exists() {
        return Files.isRegularFile(file());
    }

    public void write(String containerId) throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), containerId + "\n", StandardCharsets.UTF_8);
    }

    public Optional<String> read() {
        try {
            String id = Files.readString(file(), StandardCharsets.UTF_8).strip();
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void delete() throws IOException {
        Files.deleteIfExists(file());
    }
}
