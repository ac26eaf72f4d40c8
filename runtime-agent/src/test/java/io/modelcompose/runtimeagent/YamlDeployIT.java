package io.modelcompose.runtimeagent;

import static io.modelcompose.runtimeagent.testing.DockerFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.Ports;
import io.modelcompose.runtimeagent.container.LogStream;
import io.modelcompose.runtimeagent.container.MappingContext;
import io.modelcompose.runtimeagent.image.DockerContextSpec;
import io.modelcompose.runtimeagent.image.DockerContextWriter;
import io.modelcompose.runtimeagent.image.ImageService;
import io.modelcompose.runtimeagent.testing.DockerFixture;
import io.modelcompose.runtimeagent.testing.TestJars;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.load.ConfigLoader;
import io.modelcompose.shared.config.LoadRequest;
import io.modelcompose.testkit.docker.RequiresDocker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From model-compose.yml text (the seed's options) through the config loader to what the engine holds. */
@RequiresDocker
class YamlDeployIT {
    private static DockerFixture docker;
    @TempDir
    static Path projectDir;

    @BeforeAll
    static void setUp() {
        docker = new DockerFixture();
        docker.removeImageAtClose("compose/" + docker.project + ":latest");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        docker.close();
    }

    private static Deployment deploy(String yaml, Map<String, String> env) throws IOException {
        Files.writeString(projectDir.resolve("model-compose.yml"), yaml);
        LoadRequest load = new LoadRequest(List.of(), List.of(), Map.of(), env, projectDir);
        ComposeConfig config = ConfigLoader.load(load);
        Map<String, Object> tree = ConfigLoader.loadMergedTree(load);
        DeployRequest request = new DeployRequest(MappingContext.controller(docker.project, projectDir, 0),
                config.controller().runtime().docker(),
                () -> DockerContextWriter.write(DockerContextSpec.of(projectDir, TestJars.of(org.slf4j.Logger.class),
                        null, tree, null, config.controller().port())),
                Map.of(ImageService.BASE_IMAGE_ARG, docker.jreBase), line -> { }, Duration.ofSeconds(30));
        return await(docker.deployer.deploy(request));
    }

    @Test
    void seedOptionsWrittenAsYamlReachTheEngine() throws IOException {
        String network = docker.network("yaml");
        int port = freePort();
        Files.writeString(projectDir.resolve(".env.production"), "LOG_LEVEL=warning\nDB_PASSWORD=secret\n");
        Files.createDirectories(projectDir.resolve("cache"));
        Deployment deployment = deploy("""
                controller:
                  type: http-server
                  port: 8080
                  runtime:
                    type: docker
                    image: %s
                    container_name: %s-yaml
                    hostname: model-compose-host
                    command: ["sh", "-c", "exec sleep 300"]
                    ports:
                      - "127.0.0.1:%d:8080"
                    networks:
                      - %s
                    volumes:
                      - ./cache:/cache:ro
                      - type: tmpfs
                        target: /scratch
                        tmpfs:
                          size: 16777216
                          mode: 1777
                    environment:
                      OPENAI_API_KEY: ${env.OPENAI_API_KEY}
                      LOG_LEVEL: info
                    env_file:
                      - .env.production
                    mem_limit: 256m
                    memswap_limit: 512m
                    cpus: "0.5"
                    cpu_shares: 1024
                    restart: unless-stopped
                    healthcheck:
                      test: "test -d /cache"
                      interval: 1s
                      timeout: 2s
                      max_retry_count: 3
                      start_period: 1s
                    privileged: false
                    security_opt:
                      - no-new-privileges:true
                    logging:
                      driver: json-file
                      options:
                        max-size: "10m"
                        max-file: "3"
                    labels:
                      team: ml-ops
                """.formatted(docker.jreBase, docker.project, port, network), Map.of("OPENAI_API_KEY", "sk-yaml"));

        InspectContainerResponse c = docker.inspect(deployment.container().id());
        assertThat(c.getState().getHealth().getStatus()).isEqualTo("healthy");
        assertThat(c.getConfig().getEnv()).contains("OPENAI_API_KEY=sk-yaml", "LOG_LEVEL=info", "DB_PASSWORD=secret");
        assertThat(c.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(8080)))
                .containsExactly(Ports.Binding.bindIpAndPort("127.0.0.1", port));
        assertThat(c.getNetworkSettings().getNetworks()).containsOnlyKeys(network);
        assertThat(c.getHostConfig().getMounts()).extracting(Mount::getTarget).containsExactly("/cache", "/scratch");
        assertThat(c.getHostConfig().getMemory()).isEqualTo(256L << 20);
        assertThat(c.getHostConfig().getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(c.getHostConfig().getRestartPolicy().getName()).isEqualTo("unless-stopped");
        assertThat(c.getHostConfig().getLogConfig().getConfig()).containsEntry("max-file", "3");
        assertThat(c.getConfig().getHealthcheck().getTest()).containsExactly("CMD-SHELL", "test -d /cache");
        assertThat(c.getConfig().getLabels()).containsEntry("team", "ml-ops");
    }

    @Test
    void defaultImageCarriesTheConfigWithEnvReferencesAndTheContainerTheValues() throws IOException {
        String secret = "sk-" + UUID.randomUUID();
        Deployment deployment = deploy("""
                controller:
                  type: http-server
                  port: 8080
                  runtime:
                    type: docker
                    container_name: %s-default
                    command: ["sh", "-c", "cat /app/model-compose.yml; exec sleep 300"]
                    environment:
                      OPENAI_API_KEY: ${env.OPENAI_API_KEY}
                components:
                  - id: api
                    type: http-client
                    base_url: https://api.example.com
                    headers:
                      Authorization: Bearer ${env.OPENAI_API_KEY}
                """.formatted(docker.project), Map.of("OPENAI_API_KEY", secret));

        assertThat(docker.inspect(deployment.container().id()).getConfig().getEnv())
                .contains("OPENAI_API_KEY=" + secret);
        List<String> lines = new CopyOnWriteArrayList<>();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            lines.clear();
            LogStream stream = await(docker.containers.logs(deployment.container().id(), false, l -> lines.add(l.text())));
            await(stream.done());
            assertThat(String.join("\n", lines)).contains("Bearer ${env.OPENAI_API_KEY}");
        });
        assertThat(String.join("\n", lines)).contains("runtime: \"native\"", "host: \"0.0.0.0\"").doesNotContain(secret);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
