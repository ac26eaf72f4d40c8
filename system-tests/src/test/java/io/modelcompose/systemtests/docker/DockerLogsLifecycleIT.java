package io.modelcompose.systemtests.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modelcompose.testkit.docker.LocalImages;
import io.modelcompose.testkit.docker.RequiresDocker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code logs} and {@code ps} over a container's life, on the local JRE base image with a shell command that writes
 * log lines in the services' format (fast: no image build, no broker): stdout and stderr in order, the role filter
 * with continuation lines, {@code -f} ending when the container stops, the states {@code ps} shows, and the
 * "nothing deployed" answers after {@code down}.
 */
@RequiresDocker
class DockerLogsLifecycleIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SCRIPT = String.join("; ",
            "echo \"12:00:00.000 INFO  [gateway] G - one\"",
            "sleep 0.1",
            "echo \"12:00:00.100 ERROR [worker] W - two\" >&2",
            "sleep 0.1",
            "echo \"    at the.stack(Trace.java:1)\" >&2",
            "sleep 0.1",
            "echo \"12:00:00.300 INFO  [gateway] G - three\"",
            "trap \"echo bye; exit 0\" TERM",
            "while true; do sleep 1; done");
    private DockerProject project;

    @BeforeEach
    void setUp() throws Exception {
        project = new DockerProject();
        project.config("""
                controller:
                  name: %NAME%
                  runtime:
                    type: docker
                    image: IMAGE
                    command: ["sh", "-c", 'SCRIPT']
                workflow:
                  jobs:
                    - { id: log, component: logger }
                """.replace("IMAGE", LocalImages.jreBase()).replace("SCRIPT", SCRIPT));
        Cli up = project.cli("up", "-d");
        assertThat(up.exitCode()).as(up.all()).isZero();
        await("the last line").atMost(WAIT).until(() -> project.cli("logs").out().contains("three"));
    }

    @AfterEach
    void tearDown() throws Exception {
        project.close();
    }

    @Test
    void logsPrintsStdoutAndStderrInOrderAndFiltersByRoleWithContinuationLines() {
        Cli all = project.cli("logs");
        Cli gateway = project.cli("logs", "gateway");
        Cli worker = project.cli("logs", "WORKER");

        assertThat(all.exitCode()).as(all.all()).isZero();
        assertThat(all.out().lines().toList()).containsExactly("12:00:00.000 INFO  [gateway] G - one",
                "12:00:00.100 ERROR [worker] W - two", "    at the.stack(Trace.java:1)",
                "12:00:00.300 INFO  [gateway] G - three");
        assertThat(gateway.out().lines().toList()).containsExactly("12:00:00.000 INFO  [gateway] G - one",
                "12:00:00.300 INFO  [gateway] G - three");
        assertThat(worker.out().lines().toList()).containsExactly("12:00:00.100 ERROR [worker] W - two",
                "    at the.stack(Trace.java:1)");
    }

    @Test
    void followEndsWhenTheContainerStops() throws Exception {
        try (BackgroundCli follow = BackgroundCli.start(project.dir, "logs", "--follow")) {
            await("the logs so far").atMost(WAIT).until(() -> follow.out().contains("three"));

            project.client.stopContainerCmd(project.containerName()).withTimeout(10).exec();

            Cli ended = follow.result(WAIT);
            assertThat(ended.exitCode()).as(ended.all()).isZero();
            assertThat(ended.out()).endsWith("three" + System.lineSeparator() + "bye" + System.lineSeparator());
            assertThat(ended.err()).contains(project.containerName() + " exited with code 0");
        }
        Cli ps = project.cli("ps");
        assertThat(ps.out().lines().toList()).last().asString().startsWith(project.containerName() + " ")
                .contains("exited (0)");
    }

    @Test
    void psShowsTheRunningContainerAndBothSayNothingIsDeployedAfterDown() {
        Cli ps = project.cli("ps");

        assertThat(ps.exitCode()).as(ps.all()).isZero();
        List<String> lines = ps.out().lines().toList();
        assertThat(lines).hasSize(2);
        String[] cells = lines.get(1).split(" {2,}");
        assertThat(cells).hasSize(6).startsWith(project.containerName(), LocalImages.jreBase(), "controller",
                "running").endsWith("-");
        assertThat(cells[4]).as("uptime").matches("\\d+s|\\d+m \\d{2}s");

        assertThat(project.cli("down").exitCode()).isZero();
        String nothing = "no container for project " + project.name + "; run 'compose-cli up' first";

        Cli psAfter = project.cli("ps");
        assertThat(psAfter.exitCode()).as(psAfter.all()).isZero();
        assertThat(psAfter.out()).isEqualTo(nothing + System.lineSeparator());
        Cli logsAfter = project.cli("logs");
        assertThat(logsAfter.exitCode()).as(logsAfter.all()).isEqualTo(1);
        assertThat(logsAfter.err()).isEqualTo("error: " + nothing + System.lineSeparator());
        assertThat(project.cli("logs", "-f").err()).contains(nothing);
    }
}
