package io.modelcompose.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** deploy/overlays/dev: its patches and images apply to the base, and it brings the Kafka the base expects. */
class OverlayTest {
    private static final Kustomization BASE = ManifestsTest.BASE;
    private static final Kustomization DEV = ManifestsTest.DEV;

    @Test
    void buildsOnTheBase() {
        assertThat(Kustomization.strings(DEV.spec().path("resources"))).contains("../../base");
        assertThat(DEV.spec().path("namespace").asText()).isNotBlank();
    }

    @Test
    void everyPatchTargetsAResourceOfTheBase() {
        assertThat(DEV.spec().path("patches")).isNotEmpty();
        for (JsonNode patch : DEV.spec().path("patches")) {
            JsonNode target = Kustomization.tree(DEV.dir().resolve(patch.path("path").asText()));
            String kind = target.path("kind").asText();
            String name = target.path("metadata").path("name").asText();
            assertThat(BASE.resources()).as("patch %s", patch.path("path").asText())
                    .anySatisfy(r -> {
                        assertThat(r.getKind()).isEqualTo(kind);
                        assertThat(r.getApiVersion()).isEqualTo(target.path("apiVersion").asText());
                        assertThat(r.getMetadata().getName()).isEqualTo(name);
                    });
        }
    }

    @Test
    void imageOverridesNameImagesTheBaseUses() {
        List<String> baseImages = BASE.resources().stream().filter(Workloads::isWorkload)
                .flatMap(w -> Workloads.containers(w).stream()).map(Container::getImage).distinct().toList();
        for (Kustomization k : List.of(BASE, DEV)) {
            assertThat(k.spec().path("images")).isNotEmpty()
                    .allSatisfy(i -> assertThat(baseImages).contains(i.path("name").asText()));
        }
    }

    @Test
    void devImageIsTheOneDockerComposeRuns() {
        JsonNode devImage = DEV.spec().path("images").get(0);
        String image = devImage.path("name").asText() + ":" + devImage.path("newTag").asText();
        Map<String, Object> compose = RepoFiles.readMap(RepoFiles.root().resolve("docker-compose.dev.yml"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services.get("gateway").get("image")).isEqualTo(image);
    }

    @Test
    void bringsTheKafkaThatTheBaseSettingsName() {
        String bootstrap = Kustomization.strings(BASE.generator("configMapGenerator", "compose-settings")
                .path("literals")).stream().filter(l -> l.startsWith("KAFKA_BOOTSTRAP_SERVERS="))
                .map(l -> l.substring(l.indexOf('=') + 1)).findFirst().orElseThrow();
        String host = bootstrap.substring(0, bootstrap.indexOf(':'));
        int port = Integer.parseInt(bootstrap.substring(bootstrap.indexOf(':') + 1));

        Service kafka = DEV.resource(Service.class, host);
        assertThat(kafka.getSpec().getPorts()).anySatisfy(p -> assertThat(p.getPort()).isEqualTo(port));
        StatefulSet broker = DEV.resource(StatefulSet.class, "kafka");
        assertThat(broker.getSpec().getServiceName()).isEqualTo(host);
        Container container = Workloads.containers(broker).get(0);
        assertThat(container.getEnv()).extracting(EnvVar::getName, EnvVar::getValue)
                .contains(tuple("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://" + bootstrap));
        assertThat(broker.getSpec().getVolumeClaimTemplates()).singleElement().satisfies(claim ->
                assertThat(container.getVolumeMounts()).anySatisfy(m ->
                        assertThat(m.getName()).isEqualTo(claim.getMetadata().getName())));
    }

    @Test
    void kustomizeBuildsBaseAndOverlay() throws IOException, InterruptedException {
        assumeTrue(onPath("kubectl"), "kubectl is not installed");
        for (Kustomization k : List.of(BASE, DEV)) {
            Process build = new ProcessBuilder("kubectl", "kustomize", k.dir().toString())
                    .redirectErrorStream(true).start();
            String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(build.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(build.exitValue()).as(output).isZero();
            long workloads = k.resources().stream().filter(Workloads::isWorkload).count()
                    + (k == DEV ? BASE.resources().stream().filter(Workloads::isWorkload).count() : 0);
            assertThat(output.lines().filter(l -> l.matches("kind: (Deployment|DaemonSet|StatefulSet)")).count())
                    .isEqualTo(workloads);
            if (k == DEV) {
                assertThat(output).contains("image: compose/compose:dev").doesNotContain("image: compose/compose\n");
            }
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
