package io.modelcompose.systemtests.docker;

import io.modelcompose.systemtests.LoopbackPorts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import io.modelcompose.cli.docker.DockerIdFile;
import io.modelcompose.testkit.docker.LocalImages;
import io.modelcompose.testkit.docker.RequiresDocker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code up -d} with {@code runtime: docker} end to end: the project's default image is built from the generated
 * context on the local JRE base, our service set (embedded broker included) runs in the container, the API and the
 * web UI are published at their own ports (no {@code runtime.ports} written), a run POSTed to the published port
 * completes with a secret that reached the container only as environment, and {@code down}
 * removes the container but keeps the image. Needs {@code mvn package} of cli and broker (failsafe runs after it).
 */
@RequiresDocker
class DockerUpIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static DockerProject project;
    private static int port;
    private static int uiPort;

    @BeforeAll
    static void setUp() throws Exception {
        LocalImages.jreBase();
        project = new DockerProject();
        project.removeImageAtClose(project.defaultImage());
        port = LoopbackPorts.free();
        uiPort = LoopbackPorts.free();
        // No runtime.ports: the API and the web UI are published at their own ports on loopback, as upstream does.
        project.config(DockerProject.healthyController(port).replace("    ports: [\"127.0.0.1:" + port + ":8080\"]\n",
                "").replace("8080", Integer.toString(port)) + "  webui:\n    driver: gradio\n    port: " + uiPort + "\n"
                + """
                workflows:
                  - id: greet
                    jobs:
                      - id: say
                        component: shell
                        command: echo "hello ${input.name} ${env.GREETING}"
                        output: ${stdout}
                """);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (project != null) {
            project.cli("down");
            project.close();
        }
    }

    @Test
    void upDetachedServesRunsInTheContainerAndDownRemovesIt() throws Exception {
        String secret = "hi-" + UUID.randomUUID();
        long start = System.nanoTime();
        Cli up = project.cli("up", "-d", "-e", "GREETING=" + secret);
        long firstUpMillis = (System.nanoTime() - start) / 1_000_000;
        System.err.printf("[timing] first 'up -d' (default image built from the generated context, started,"
                + " healthy): %d ms%n", firstUpMillis);

        assertThat(up.exitCode()).as(up.all()).isZero();
        assertThat(up.out()).contains(project.containerName() + " is healthy", "127.0.0.1:" + port + "->" + port
                + "/tcp", "127.0.0.1:" + uiPort + "->" + uiPort + "/tcp");
        assertThat(up.err()).contains("Successfully tagged " + project.defaultImage(), "passing [GREETING]");
        assertThat(get("/health")).isEqualTo(200);
        assertThat(webUiPage()).as("the web UI through its published port").contains("<script type=\"module\"");
        assertThat(greet()).contains("hello ada " + secret);
        assertSecretOnlyInTheContainer(secret);
        assertThat(up.err().lines()).as("build output").noneMatch(l -> l.startsWith("class-data training failed"));
        assertThat(execInContainer("ls", "/app/cds")).as("class-data archives recorded during the build")
                .contains("compose.jsa", "broker.jsa");

        Cli down = project.cli("down");
        assertThat(down.exitCode()).as(down.all()).isZero();
        assertThat(down.out()).contains("stopped and removed " + project.containerName());
        assertThat(project.containers()).isEmpty();
        assertThat(project.client.inspectImageCmd(project.defaultImage()).exec().getId()).isNotBlank();
        assertThat(new DockerIdFile(project.dir).exists()).isFalse();

        start = System.nanoTime();
        Cli again = project.cli("up", "-d", "-e", "GREETING=" + secret);
        System.err.printf("[timing] 'up -d' to healthy with the image already built: %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.err()).contains("image " + project.defaultImage() + " is up to date").doesNotContain("Step 1/");
        assertThat(greet()).contains("hello ada " + secret);
        assertThat(project.cli("down").exitCode()).isZero();
        assertThat(project.containers()).isEmpty();
    }

    private void assertSecretOnlyInTheContainer(String secret) throws Exception {
        String id = new DockerIdFile(project.dir).read().orElseThrow();
        assertThat(project.client.inspectContainerCmd(id).exec().getConfig().getEnv()).contains("GREETING=" + secret);
        Path context = project.dir.resolve(".docker");
        assertThat(Files.readString(context.resolve("model-compose.yml"))).contains("${env.GREETING}")
                .doesNotContain(secret);
        try (var files = Files.list(context.resolve("app/lib"))) {
            List<String> jars = files.map(p -> p.getFileName().toString()).toList();
            assertThat(jars).contains("compose-cli.jar", "kafka").noneMatch(j -> j.startsWith("junit"));
        }
    }

    /** Runs a command in the project's container and answers its standard output. */
    private String execInContainer(String... command) throws Exception {
        String id = new DockerIdFile(project.dir).read().orElseThrow();
        String exec = project.client.execCreateCmd(id).withCmd(command).withAttachStdout(true).exec().getId();
        StringBuilder out = new StringBuilder();
        project.client.execStartCmd(exec).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            }
        }).awaitCompletion(30, TimeUnit.SECONDS);
        return out.toString();
    }

    private static String webUiPage() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + uiPort + "/"))
                .timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static int get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String greet() throws Exception {
        String body = JSON.writeValueAsString(Map.of("workflow_id", "greet", "input", Map.of("name", "ada")));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/workflows/runs"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<?, ?> run = JSON.readValue(response.body(), Map.class);
        assertThat(run.get("status")).as(response.body()).isEqualTo("completed");
        return String.valueOf(run.get("output"));
    }
}
