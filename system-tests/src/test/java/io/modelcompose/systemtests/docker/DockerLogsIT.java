package io.modelcompose.systemtests.docker;

import io.modelcompose.systemtests.LoopbackPorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modelcompose.testkit.docker.LocalImages;
import io.modelcompose.testkit.docker.RequiresDocker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code logs} and {@code ps} of a {@code runtime: docker} project that runs our service set (the default image, as
 * {@code up -d} builds it): the services' log lines, a line written after {@code logs -f} started (a run's logger
 * job), the role filter, and the container listed as healthy. One deployment for the class (the image build and the
 * embedded broker's start dominate). Needs {@code mvn package} of cli and broker (failsafe runs after it).
 */
@RequiresDocker
class DockerLogsIT {
    private static final Pattern ENTRY = Pattern.compile("^\\d{2}:\\d{2}:\\d{2}\\.\\d{3} +[A-Z]+ +\\[([a-z-]+)] ");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static DockerProject project;
    private static int port;

    @BeforeAll
    static void setUp() throws Exception {
        LocalImages.jreBase();
        project = new DockerProject();
        project.removeImageAtClose(project.defaultImage());
        port = LoopbackPorts.free();
        project.config(DockerProject.healthyController(port) + """
                workflows:
                  - id: mark
                    jobs:
                      - id: log
                        component: logger
                        input:
                          message: "marker ${input.text}"
                """);
        long start = System.nanoTime();
        Cli up = project.cli("up", "-d");
        assertThat(up.exitCode()).as(up.all()).isZero();
        System.err.printf("[timing] DockerLogsIT 'up -d' (default image built, service set started, healthy): %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Force-removes the container and the image ('down' and its graceful stop are covered elsewhere). */
    @AfterAll
    static void tearDown() throws Exception {
        if (project != null) {
            project.close();
        }
    }

    @Test
    void logsPrintsTheServicesStartupLines() {
        Cli logs = project.cli("logs");

        assertThat(logs.exitCode()).as(logs.all()).isZero();
        assertThat(rolesOf(logs.out())).as(logs.out()).contains("compose", "gateway");
    }

    @Test
    void followPrintsALineWrittenAfterItStartedUntilInterrupted() throws Exception {
        String marker = "marker follow-" + UUID.randomUUID();
        try (BackgroundCli follow = BackgroundCli.start(project.dir, "logs", "-f")) {
            await("the logs so far").atMost(WAIT).until(() -> follow.out().contains("[gateway]"));
            assertThat(follow.out()).doesNotContain(marker);

            postRun(marker.substring("marker ".length()));

            await("the marker").atMost(WAIT).until(() -> follow.out().contains(marker));
            assertThat(follow.isDone()).isFalse();
            Cli ended = follow.interrupt(WAIT);
            assertThat(ended.exitCode()).as(ended.all()).isZero();
            assertThat(ended.err()).isEmpty();
        }
    }

    @Test
    void theRoleFilterKeepsOnlyTheChosenRolesLines() throws Exception {
        String marker = "marker role-" + UUID.randomUUID();
        postRun(marker.substring("marker ".length()));
        await("the marker").atMost(WAIT).until(() -> project.cli("logs").out().contains(marker));

        Cli worker = project.cli("logs", "worker");
        Cli gateway = project.cli("logs", "gateway");

        assertThat(worker.exitCode()).as(worker.all()).isZero();
        assertThat(worker.out()).contains(marker);
        assertThat(rolesOf(worker.out())).containsOnly("worker");
        assertThat(gateway.out()).doesNotContain(marker);
        assertThat(rolesOf(gateway.out())).containsOnly("gateway");
    }

    @Test
    void psListsTheContainerAsRunningAndHealthy() {
        Cli ps = project.cli("ps");

        assertThat(ps.exitCode()).as(ps.all()).isZero();
        List<String> lines = ps.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("NAME").contains("IMAGE", "SERVICE", "STATE", "UPTIME", "PORTS");
        assertThat(lines.get(1)).startsWith(project.containerName() + " ").contains(project.defaultImage(),
                "controller", "running (healthy)", "127.0.0.1:" + port + "->8080/tcp");
    }

    private static List<String> rolesOf(String out) {
        return out.lines().map(ENTRY::matcher).filter(Matcher::find).map(m -> m.group(1)).toList();
    }

    private static void postRun(String text) throws Exception {
        String body = "{\"workflow_id\": \"mark\", \"input\": {\"text\": \"" + text + "\"}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/workflows/runs"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"completed\"");
    }
}
