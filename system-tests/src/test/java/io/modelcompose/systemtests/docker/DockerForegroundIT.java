package io.modelcompose.systemtests.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.modelcompose.cli.ComposeCli;
import io.modelcompose.testkit.docker.LocalImages;
import io.modelcompose.testkit.docker.RequiresDocker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Foreground {@code up} with {@code runtime: docker}: the container's output streams to ours; when the container
 * stops by itself its exit code decides ours; on a stop signal the container is stopped and kept for {@code down}.
 */
@RequiresDocker
class DockerForegroundIT {
    private DockerProject project;

    @BeforeEach
    void setUp() throws Exception {
        project = new DockerProject();
    }

    @AfterEach
    void tearDown() throws Exception {
        project.close();
    }

    private void configWithCommand(String shell) throws Exception {
        project.config("""
                controller:
                  name: %NAME%
                  runtime:
                    type: docker
                    image: IMAGE
                    command: ["sh", "-c", "SHELL"]
                workflow:
                  jobs:
                    - { id: log, component: logger }
                """.replace("IMAGE", LocalImages.jreBase()).replace("SHELL", shell));
    }

    private InspectContainerResponse container() {
        return project.client.inspectContainerCmd(project.containerName()).exec();
    }

    @Test
    void streamsTheOutputAndEndsWithTheContainersExitCode() throws Exception {
        configWithCommand("echo from-the-container; echo to-stderr >&2; exit 3");

        Cli up = project.cli("up");

        assertThat(up.exitCode()).as(up.all()).isEqualTo(1);
        assertThat(up.out()).contains("from-the-container");
        assertThat(up.err()).contains("to-stderr", project.containerName() + " exited with code 3");
        assertThat(container().getState().getStatus()).isEqualTo("exited");

        Cli down = project.cli("down");
        assertThat(down.exitCode()).as(down.all()).isZero();
        assertThat(project.containers()).isEmpty();
    }

    @Test
    void aStopSignalStopsTheContainerAndKeepsItForDown() throws Exception {
        configWithCommand("echo ready; trap 'echo bye; exit 0' TERM; while true; do sleep 1; done");
        Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ComposeCli.class.getName(),
                "--project-directory", project.dir.toString(), "up")
                .redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> readLines(cli, output), "cli-output");
        reader.setDaemon(true);
        reader.start();
        try {
            await("ready").atMost(Duration.ofSeconds(60)).until(() -> output.contains("ready"));

            long start = System.nanoTime();
            cli.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its output
            assertThat(cli.waitFor(40, TimeUnit.SECONDS)).as(String.join("\n", output)).isTrue();
            System.err.printf("[timing] foreground up: stop signal to exit (container stopped): %d ms%n",
                    (System.nanoTime() - start) / 1_000_000);
        } finally {
            cli.destroyForcibly();
        }
        reader.join(5_000);
        assertThat(output).as(String.join("\n", output)).contains("stopped " + project.containerName()
                + "; 'compose-cli down' removes it");
        assertThat(container().getState().getStatus()).isEqualTo("exited");
        assertThat(container().getState().getExitCodeLong()).isZero();

        Cli down = project.cli("down");
        assertThat(down.out()).as(down.all()).contains("stopped and removed " + project.containerName());
        assertThat(project.containers()).isEmpty();
    }

    private static void readLines(Process process, List<String> into) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                into.add(line);
            }
        } catch (java.io.IOException e) {
            into.add("[read failed: " + e.getMessage() + "]");
        }
    }
}
