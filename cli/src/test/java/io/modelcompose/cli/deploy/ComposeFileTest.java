package io.modelcompose.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.load.ConfigLoader;
import io.modelcompose.shared.config.LoadRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** docker-compose.dev.yml: Kafka plus every role from the project image, with commands the CLI accepts. */
class ComposeFileTest {
    private static final Path ROOT = RepoFiles.root();
    private static final Map<String, Object> COMPOSE = RepoFiles.readMap(ROOT.resolve("docker-compose.dev.yml"));
    private static final String PROJECT_IMAGE = "compose/compose:dev";

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) COMPOSE.get("services");
    }

    private static Map<String, Map<String, Object>> projectServices() {
        Map<String, Map<String, Object>> project = new LinkedHashMap<>();
        services().forEach((name, service) -> {
            if (PROJECT_IMAGE.equals(service.get("image"))) {
                project.put(name, service);
            }
        });
        return project;
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> map, String... keys) {
        Object value = map;
        for (String key : keys) {
            value = value instanceof Map<?, ?> m ? m.get(key) : null;
        }
        return (T) value;
    }

    private static ServeArgs command(String service) {
        return ServeArgs.parse(at(services().get(service), "command"));
    }

    /** The host file bind-mounted at {@code containerPath}, resolved against the compose file's folder. */
    private static Optional<Path> hostFileMountedAt(Map<String, Object> service, Path containerPath) {
        List<String> volumes = at(service, "volumes");
        return volumes.stream().map(v -> v.split(":")).filter(p -> Path.of(p[1]).equals(containerPath))
                .map(p -> ROOT.resolve(p[0]).normalize()).findFirst();
    }

    private static ComposeConfig load(Path file) {
        return ConfigLoader.load(new LoadRequest(List.of(file), List.of(), Map.of(), Map.of(), file.getParent()));
    }

    @Test
    void runsKafkaAndEveryRoleFromTheProjectImage() {
        assertThat(services()).containsKey("kafka");
        assertThat(at(services().get("kafka"), "image").toString()).startsWith("compose/kafka:");
        assertThat(projectServices().keySet()).containsExactlyInAnyOrderElementsOf(ServeArgs.ROLES);
        assertThat((Integer) at(services().get("worker"), "deploy", "replicas")).isEqualTo(2);
    }

    @Test
    void everyCommandIsAServeOfItsOwnRoleOnTheComposeKafka() {
        String advertised = at(services().get("kafka"), "environment", "KAFKA_ADVERTISED_LISTENERS");
        projectServices().forEach((name, service) -> {
            ServeArgs serve = command(name);
            assertThat(serve.role()).as(name).isEqualTo(name);
            assertThat(serve.kafka()).as(name).isEqualTo("kafka:9092");
            assertThat(advertised).contains("PLAINTEXT://" + serve.kafka());
        });
    }

    @Test
    void everyRoleLoadsAMountedConfigThatIsValid() {
        projectServices().forEach((name, service) -> {
            ServeArgs serve = command(name);
            assertThat(serve.files()).as(name).hasSize(1);
            Path hostFile = hostFileMountedAt(service, serve.files().get(0))
                    .orElseThrow(() -> new AssertionError(name + ": " + serve.files().get(0) + " is not mounted"));
            assertThat(hostFile).isRegularFile();
            assertThat(load(hostFile).controller().host()).as("listens beyond the container").isEqualTo("0.0.0.0");
        });
    }

    @Test
    void gatewayPublishesTheConfiguredPortAndChecksHealthOnIt() {
        Map<String, Object> gateway = services().get("gateway");
        ServeArgs serve = command("gateway");
        int port = load(hostFileMountedAt(gateway, serve.files().get(0)).orElseThrow()).controller().port();

        List<String> ports = at(gateway, "ports");
        assertThat(ports).singleElement().satisfies(p -> assertThat(p).endsWith(":" + port));
        List<String> test = at(gateway, "healthcheck", "test");
        assertThat(test).contains("http://127.0.0.1:" + port + "/health");
    }

    @Test
    void everyHealthCheckOfTheRolesHitsHealth() {
        projectServices().forEach((name, service) -> {
            List<String> test = at(service, "healthcheck", "test");
            if (test != null) {
                assertThat(String.join(" ", test)).as(name).contains("/health");
            }
        });
    }

    @Test
    void kafkaKeepsItsDataInAVolumeAndTheRolesWaitForItsHealth() {
        Map<String, Object> kafka = services().get("kafka");
        String logDirs = at(kafka, "environment", "KAFKA_LOG_DIRS");
        List<String> volumes = at(kafka, "volumes");
        assertThat(volumes).anySatisfy(v -> {
            String[] parts = v.split(":");
            assertThat(parts[1]).isEqualTo(logDirs);
            assertThat((Map<String, Object>) at(COMPOSE, "volumes")).containsKey(parts[0]);
        });
        assertThat((Object) at(kafka, "healthcheck", "test")).isNotNull();
        projectServices().forEach((name, service) -> assertThat((String) at(service, "depends_on", "kafka",
                "condition")).as(name).isEqualTo("service_healthy"));
    }

    @Test
    void onlyTheRuntimeAgentGetsTheDockerSocket() {
        projectServices().forEach((name, service) -> {
            List<String> volumes = at(service, "volumes");
            boolean socket = volumes.stream().anyMatch(v -> v.startsWith("/var/run/docker.sock:"));
            assertThat(socket).as(name).isEqualTo(name.equals("runtime-agent"));
        });
    }
}
