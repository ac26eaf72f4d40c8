package io.modelcompose.systemtests.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.modelcompose.runtimeagent.container.ComposeLabels;
import io.modelcompose.testkit.docker.TestDocker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A temporary project folder for Docker tests, with a unique controller name (the project name), and cleanup of the
 * project's containers (by label) and of the images registered for removal.
 */
final class DockerProject implements AutoCloseable {
    final Path dir;
    final String name = "cliit" + UUID.randomUUID().toString().substring(0, 8);
    final DockerClient client = TestDocker.newClient();
    private final List<String> images = new ArrayList<>();

    DockerProject() throws IOException {
        dir = Files.createTempDirectory("compose-docker-it-");
    }

    /** Writes model-compose.yml; {@code %NAME%} becomes the project name. */
    DockerProject config(String yaml) throws IOException {
        Files.writeString(dir.resolve("model-compose.yml"), yaml.replace("%NAME%", name));
        return this;
    }

    Cli cli(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--project-directory";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return Cli.run(all);
    }

    String containerName() {
        return "compose-" + name;
    }

    String defaultImage() {
        return "compose/" + name + ":latest";
    }

    List<Container> containers() {
        return client.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(ComposeLabels.PROJECT, name)).exec();
    }

    void removeImageAtClose(String reference) {
        images.add(reference);
    }

    /** A controller of {@code runtime: docker} published on {@code 127.0.0.1:port}, healthy once /health answers. */
    static String healthyController(int port) {
        return """
                controller:
                  name: %NAME%
                  type: http-server
                  port: 8080
                  runtime:
                    type: docker
                    ports: ["127.0.0.1:PORT:8080"]
                    healthcheck:
                      test: "wget -q -O /dev/null http://127.0.0.1:8080/health || exit 1"
                      interval: 1s
                      timeout: 2s
                      max_retry_count: 3
                      start_period: 120s
                """.replace("PORT", Integer.toString(port));
    }

    @Override
    public void close() throws IOException {
        for (Container c : containers()) {
            client.removeContainerCmd(c.getId()).withForce(true).exec();
        }
        for (String image : images) {
            try {
                client.removeImageCmd(image).withForce(true).exec();
            } catch (NotFoundException e) {
                // never built
            }
        }
        client.close();
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
