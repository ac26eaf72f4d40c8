package io.modelcompose.runtimeagent.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.runtimeagent.testing.TestJars;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.load.ConfigLoader;
import io.modelcompose.shared.config.LoadRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerContextWriterTest {
    @TempDir
    Path projectDir;

    private Map<String, Object> tree() {
        Map<String, Object> runtime = new LinkedHashMap<>();
        runtime.put("type", "docker");
        runtime.put("environment", Map.of("OPENAI_API_KEY", "${env.OPENAI_API_KEY}"));
        Map<String, Object> controller = new LinkedHashMap<>();
        controller.put("type", "http-server");
        controller.put("port", "${env.PORT | 8080}");
        controller.put("runtime", runtime);
        Map<String, Object> component = new LinkedHashMap<>();
        component.put("id", "api");
        component.put("type", "http-client");
        component.put("headers", Map.of("Authorization", "Bearer ${env.OPENAI_API_KEY}"));
        component.put("runtime", "docker");
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("controller", controller);
        tree.put("components", List.of(component));
        tree.put("note", null);
        return tree;
    }

    private DockerContextSpec spec(Path brokerLib, Path webui) {
        return DockerContextSpec.of(projectDir, TestJars.of(org.slf4j.Logger.class), brokerLib, tree(), webui, 8080);
    }

    @Test
    void writesJarsBrokerJarsWebuiConfigAndDockerfile() throws IOException {
        Path brokerLib = Files.createDirectories(projectDir.resolve("broker-lib"));
        Files.writeString(brokerLib.resolve("kafka_2.13-4.1.1.jar"), "jar");
        Path webui = Files.createDirectories(projectDir.resolve("ui/static"));
        Files.writeString(webui.resolve("index.html"), "<html/>");

        Path context = DockerContextWriter.write(spec(brokerLib, projectDir.resolve("ui")));

        assertThat(context).isEqualTo(projectDir.resolve(".docker"));
        assertThat(Files.list(context.resolve("app/lib")).map(p -> p.getFileName().toString()))
                .anyMatch(n -> n.startsWith("slf4j-api-")).contains("kafka");
        assertThat(context.resolve("app/lib/kafka/kafka_2.13-4.1.1.jar")).exists();
        assertThat(context.resolve("webui/static/index.html")).hasContent("<html/>");
        assertThat(context.resolve("model-compose.yml")).exists();
        assertThat(context.resolve("Dockerfile")).exists();
    }

    @Test
    void defaultDockerfileTakesTheBaseImageAsArgumentAndRunsTheCli() throws IOException {
        String dockerfile = Files.readString(DockerContextWriter.write(spec(null, null)).resolve("Dockerfile"));

        assertThat(dockerfile.lines().filter(l -> !l.startsWith("#"))).containsExactly(
                "ARG BASE_IMAGE=eclipse-temurin:17-jre",
                "FROM ${BASE_IMAGE}",
                "RUN java -Xshare:dump >/dev/null 2>&1 || true",
                "COPY app/ /app/",
                "COPY model-compose.yml /app/model-compose.yml",
                "COPY cds-training.yml /app/cds/training.yml",
                "RUN COMPOSE_EXIT_WHEN_UP=1 COMPOSE_BROKER_JAVA_OPTS=-XX:ArchiveClassesAtExit=/app/cds/broker.jsa"
                        + " java -XX:ArchiveClassesAtExit=/app/cds/compose.jsa -XX:MaxRAMPercentage=75"
                        + " -cp '/app/lib/*' io.modelcompose.cli.ComposeCli -f /app/cds/training.yml up"
                        + " >/tmp/compose-cds-training.log 2>&1"
                        + " || { echo 'class-data training failed: the image works, its containers start slower';"
                        + " tail -n 5 /tmp/compose-cds-training.log; };"
                        + " rm -rf /app/cds/.compose /tmp/compose-cds-training.log",
                "WORKDIR /app",
                "EXPOSE 8080",
                "CMD [\"java\",\"-XX:SharedArchiveFile=/app/cds/compose.jsa\",\"-Xlog:cds=off\","
                        + "\"-Xlog:cds+dynamic=off\",\"-Dcompose.broker.cds=/app/cds/broker.jsa\","
                        + "\"-XX:MaxRAMPercentage=75\",\"-XX:-UseCodeCacheFlushing\",\"-cp\",\"/app/lib/*\","
                        + "\"io.modelcompose.cli.ComposeCli\",\"up\"]");
    }

    @Test
    void webuiFolderGetsItsOwnCopyStep() throws IOException {
        Path webui = Files.createDirectories(projectDir.resolve("ui"));

        String dockerfile = Files.readString(DockerContextWriter.write(spec(null, webui)).resolve("Dockerfile"));

        assertThat(dockerfile).contains("COPY webui/ /app/webui/\n");
    }

    @Test
    void configRunsNativeOnAllInterfacesAndKeepsEnvReferencesUnresolved() throws IOException {
        String yaml = Files.readString(DockerContextWriter.write(spec(null, null)).resolve("model-compose.yml"));

        assertThat(yaml).contains("  runtime: \"native\"", "  host: \"0.0.0.0\"", "port: \"${env.PORT | 8080}\"",
                "Authorization: \"Bearer ${env.OPENAI_API_KEY}\"", "note: null");
        assertThat(yaml).doesNotContain("docker");
    }

    @Test
    void keepsAWrittenHostAndSetsTheAdapterHostInTheNewForm() {
        Map<String, Object> written = Map.of("controller", Map.of("host", "127.0.0.1", "runtime", "docker"));
        Map<String, Object> adapter = Map.of("controller", Map.of("adapter", Map.of("type", "http-server"),
                "runtime", "docker"));

        assertThat(ConfigTreeRewriter.forContainer(written)).isEqualTo(Map.of("controller",
                Map.of("host", "127.0.0.1", "runtime", "native")));
        assertThat(ConfigTreeRewriter.forContainer(adapter)).isEqualTo(Map.of("controller",
                Map.of("adapter", Map.of("type", "http-server", "host", "0.0.0.0"), "runtime", "native")));
    }

    @Test
    void theWebUiListensOnAllInterfacesInTheContainerUnlessAHostIsWritten() {
        Map<String, Object> tree = Map.of("controller", Map.of("webui", Map.of("port", 8081)));
        Map<String, Object> written = Map.of("controller", Map.of("webui", Map.of("port", 8081, "host", "10.0.0.2")));

        assertThat(ConfigTreeRewriter.forContainer(tree)).isEqualTo(Map.of("controller", Map.of("runtime", "native",
                "host", "0.0.0.0", "webui", Map.of("port", 8081, "host", "0.0.0.0"))));
        assertThat(ConfigTreeRewriter.forContainer(written)).isEqualTo(Map.of("controller", Map.of("runtime", "native",
                "host", "0.0.0.0", "webui", Map.of("port", 8081, "host", "10.0.0.2"))));
    }

    @Test
    void rewritesAgainFromScratch() throws IOException {
        Path context = DockerContextWriter.write(spec(null, null));
        Files.writeString(context.resolve("stale.txt"), "old");

        DockerContextWriter.write(spec(null, null));

        assertThat(context.resolve("stale.txt")).doesNotExist();
    }

    @Test
    void trainingConfigIsAValidProjectOfItsOwnNeedingNoEnvironment() throws IOException {
        Path context = DockerContextWriter.write(spec(null, null));
        Path training = Files.createDirectories(projectDir.resolve("training"));
        Files.copy(context.resolve("cds-training.yml"), training.resolve("model-compose.yml"));

        ComposeConfig config = ConfigLoader.load(LoadRequest.of(training).withProcessEnv(Map.of()));

        assertThat(config.controller().port()).isEqualTo(8080);
        assertThat(config.workflows()).hasSize(1);
    }

    @Test
    void aCustomCommandGetsNoTrainingStep() throws IOException {
        DockerContextSpec custom = new DockerContextSpec(projectDir, TestJars.of(org.slf4j.Logger.class), null, tree(),
                null, 8080, "base:1", List.of("java", "-jar", "/app/app.jar"));

        Path context = DockerContextWriter.write(custom);

        assertThat(Files.readString(context.resolve("Dockerfile"))).doesNotContain("RUN").doesNotContain("cds");
        assertThat(context.resolve("cds-training.yml")).doesNotExist();
    }
}
