package io.modelcompose.runtimeagent;

import static io.modelcompose.runtimeagent.testing.DockerFixture.await;
import static io.modelcompose.runtimeagent.testing.OptionsBuilder.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcompose.runtimeagent.container.LogStream;
import io.modelcompose.runtimeagent.container.MappingContext;
import io.modelcompose.runtimeagent.image.DockerContextSpec;
import io.modelcompose.runtimeagent.image.DockerContextWriter;
import io.modelcompose.runtimeagent.image.ImageResult;
import io.modelcompose.runtimeagent.image.ImageService;
import io.modelcompose.runtimeagent.testing.DockerFixture;
import io.modelcompose.runtimeagent.testing.OptionsBuilder;
import io.modelcompose.runtimeagent.testing.TestJars;
import io.modelcompose.shared.config.docker.HealthcheckOptions;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.testkit.docker.RequiresDocker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole deploy on the engine: default image built from the generated context, secrets only in the container's
 * environment, bad input refused before anything is built or created.
 */
@RequiresDocker
class DockerDeployerIT {
    private static final String SECRET = "s3cr3t-" + UUID.randomUUID();
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

    private static DeployRequest request(OptionsBuilder options, List<String> log) {
        Map<String, Object> runtime = new LinkedHashMap<>();
        runtime.put("type", "docker");
        runtime.put("environment", Map.of("DB_PASSWORD", "${env.DB_PASSWORD}"));
        Map<String, Object> component = Map.of("id", "db", "type", "shell",
                "command", List.of("login", "--password", "${env.DB_PASSWORD}"));
        Map<String, Object> tree = Map.of("controller", Map.of("port", 8080, "runtime", runtime),
                "components", List.of(component));
        return new DeployRequest(MappingContext.controller(docker.project, projectDir, 0), options.get(),
                () -> DockerContextWriter.write(DockerContextSpec.of(projectDir,
                        TestJars.of(org.slf4j.Logger.class, com.fasterxml.jackson.databind.ObjectMapper.class), null,
                        tree, null, 8080)),
                Map.of(ImageService.BASE_IMAGE_ARG, docker.jreBase), log::add, Duration.ofSeconds(30));
    }

    @Test
    void buildsTheDefaultImageAndKeepsTheSecretOutOfIt() throws IOException {
        List<String> log = new CopyOnWriteArrayList<>();
        OptionsBuilder options = options().env("DB_PASSWORD", SECRET).entrypoint("/bin/sh", "-c")
                .command("ls /app/lib && cat /app/model-compose.yml && touch /tmp/ready && exec sleep 300")
                .healthcheck(new HealthcheckOptions(List.of("CMD-SHELL", "test -f /tmp/ready"),
                        Duration.ofMillis(500), Duration.ofSeconds(2), 3, null));

        long start = System.nanoTime();
        Deployment deployment = await(docker.deployer.deploy(request(options, log)));
        System.err.printf("[timing] default image (generated context) + create + start + healthy: %d ms%n",
                (System.nanoTime() - start) / 1_000_000);

        assertThat(deployment.image().origin()).isEqualTo(ImageResult.Origin.BUILT);
        assertThat(deployment.image().reference()).isEqualTo("compose/" + docker.project + ":latest");
        assertThat(docker.inspect(deployment.container().id()).getConfig().getEnv()).contains("DB_PASSWORD=" + SECRET);
        List<String> output = logs(deployment.container().id());
        assertThat(output).anyMatch(l -> l.startsWith("slf4j-api-")).contains("  runtime: \"native\"",
                "  host: \"0.0.0.0\"");
        String saved = savedImage(deployment.image().reference());
        assertThat(saved).contains("${env.DB_PASSWORD}").doesNotContain(SECRET);
    }

    @Test
    void refusesCpusAboveTheHostCountBeforeAnythingIsCreated() {
        int hostCpus = await(docker.containers.hostCpuCount());
        OptionsBuilder options = options().image(docker.jreBase).containerName(docker.project + "-cpus")
                .cpus(hostCpus + 1.0);

        assertThatThrownBy(() -> await(docker.deployer.deploy(request(options, new ArrayList<>()))))
                .isInstanceOf(ComposeException.class)
                .hasMessage("model-compose.yml:" + options.lineOf("cpus") + ": controller.runtime.cpus: "
                        + (hostCpus + 1.0) + " is more than the " + hostCpus + " CPUs of the Docker host");
        assertThat(await(docker.containers.inspect(docker.project + "-cpus"))).isEmpty();
    }

    @Test
    void refusesAMissingEnvFileBeforeAnythingIsCreated() {
        OptionsBuilder options = options().image(docker.jreBase).containerName(docker.project + "-envfile")
                .envFile(".env.production");

        assertThatThrownBy(() -> await(docker.deployer.deploy(request(options, new ArrayList<>()))))
                .hasMessageStartingWith("model-compose.yml:" + options.lineOf("env_file")
                        + ": controller.runtime.env_file[0]: env file '.env.production' not found");
        assertThat(await(docker.containers.inspect(docker.project + "-envfile"))).isEmpty();
    }

    @Test
    void refusesAMissingNetworkBeforeAnythingIsCreated() {
        String present = docker.network("present");
        OptionsBuilder options = options().image(docker.jreBase).containerName(docker.project + "-net")
                .network(present).network(docker.project + "-missing");

        assertThatThrownBy(() -> await(docker.deployer.deploy(request(options, new ArrayList<>()))))
                .isInstanceOf(ComposeException.class)
                .satisfies(e -> assertThat(((ComposeException) e).code()).isEqualTo(ErrorCode.CONFIG_INVALID))
                .hasMessageContaining(": controller.runtime.networks[1]: network '" + docker.project
                        + "-missing' does not exist");
        assertThat(await(docker.containers.inspect(docker.project + "-net"))).isEmpty();
    }

    @Test
    void startRefusedByTheEngineNamesTheOptionAndLeavesNoContainer() {
        OptionsBuilder options = options().image(docker.jreBase).containerName(docker.project + "-user")
                .user("nobody-here").command("sleep", "300");

        assertThatThrownBy(() -> await(docker.deployer.deploy(request(options, new ArrayList<>()))))
                .isInstanceOf(ComposeException.class)
                .satisfies(e -> assertThat(((ComposeException) e).code()).isEqualTo(ErrorCode.RUNTIME_FAILED))
                .hasMessageContaining("controller.runtime.user: docker engine refused the value")
                .hasMessageContaining("nobody-here");
        assertThat(await(docker.containers.inspect(docker.project + "-user"))).isEmpty();
    }

    @Test
    void refusesToReplaceAContainerThatIsNotOurs() {
        String name = docker.project + "-foreign";
        String foreign = docker.client.createContainerCmd(docker.jreBase).withName(name)
                .withCmd("sleep", "300").exec().getId();
        try {
            OptionsBuilder options = options().image(docker.jreBase).containerName(name);

            assertThatThrownBy(() -> await(docker.deployer.deploy(request(options, new ArrayList<>()))))
                    .satisfies(e -> assertThat(((ComposeException) e).code()).isEqualTo(ErrorCode.CONFLICT))
                    .hasMessageContaining("does not belong to project");
            assertThat(docker.inspect(foreign).getId()).isEqualTo(foreign);
        } finally {
            docker.client.removeContainerCmd(foreign).withForce(true).exec();
        }
    }

    private static List<String> logs(String id) {
        List<String> lines = new CopyOnWriteArrayList<>();
        LogStream stream = await(docker.containers.logs(id, false, l -> lines.add(l.text())));
        await(stream.done());
        return lines;
    }

    /** {@code docker save} of the image: its config (history included) and every layer, as text. */
    private static String savedImage(String reference) throws IOException {
        Path tar = Files.createTempFile(projectDir, "image", ".tar");
        try (InputStream in = docker.client.saveImageCmd(reference).exec()) {
            Files.copy(in, tar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return new String(Files.readAllBytes(tar), StandardCharsets.ISO_8859_1);
    }
}
