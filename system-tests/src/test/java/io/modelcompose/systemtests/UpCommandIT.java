package io.modelcompose.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modelcompose.cli.ComposeCli;
import io.modelcompose.testkit.docker.DockerTestSupport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compose-cli up -d} in a project folder with no broker configured: the embedded broker and the whole set
 * start in the background; {@code ps} reports it, {@code down} stops it and cleans the state files.
 */
class UpCommandIT {
    @TempDir
    Path dir;

    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        for (ProcessHandle process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void upDetachedServesRunsUntilDown() throws Exception {
        int port = LoopbackPorts.free();
        Files.writeString(dir.resolve("model-compose.yml"), """
                controller:
                  port: %d
                workflow:
                  jobs:
                    - id: say
                      component: shell
                      command: echo "hello ${input.name}"
                      output: ${stdout.trim()}
                """.formatted(port));

        Process up = upDetached();
        assertThat(up.waitFor(150, TimeUnit.SECONDS)).as("up -d returned").isTrue();
        String upOutput = new String(up.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(up.exitValue()).as(upOutput).isZero();
        assertThat(upOutput).contains("compose is up in the background");

        Path pidFile = dir.resolve(".compose").resolve("up.pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle service = ProcessHandle.of(pid).orElseThrow();
        started.add(service);
        List<ProcessHandle> children = service.descendants().toList();
        Api api = new Api(port);
        assertThat(api.get("/health").status()).isEqualTo(200);
        Api.Reply run = api.run(Map.of("input", Map.of("name", "up")));
        assertThat(run.text("status")).as("%s", run.body()).isEqualTo("completed");
        assertThat(run.text("output")).isEqualTo("hello up");
        Path upLog = dir.resolve(".compose").resolve("up.log");
        String agentLine = DockerTestSupport.unavailableReason() == null ? "runtime-agent of host '"
                : "runtime-agent not started (no Docker engine at";
        // the host's agent starts after the set answers /health, so the line may come a moment after up -d returned
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(Files.readString(upLog)).as("the host's runtime-agent runs inside up").contains(agentLine));
        String ps = cli("ps");
        assertThat(ps).contains("running").contains(Long.toString(pid)).contains(Integer.toString(port));

        String down = cli("down");

        assertThat(down).contains("stopped (pid " + pid + ")");
        assertThat(service.isAlive()).isFalse();
        assertThat(pidFile).doesNotExist();
        assertThat(dir.resolve(".stop")).doesNotExist();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(children).as("the embedded broker and other children").noneMatch(ProcessHandle::isAlive));
        assertThat(cli("ps")).contains("stopped");
    }

    private Process upDetached() throws IOException {
        Path brokerLib = Path.of("..", "broker", "target", "lib").toAbsolutePath().normalize();
        assertThat(brokerLib).as("the broker module is packaged before cli").isDirectory();
        List<String> command = new ArrayList<>(RoleProcess.javaCommand());
        command.add(1, "-Dcompose.broker.lib=" + brokerLib);
        command.addAll(List.of("io.modelcompose.cli.ComposeCli", "--project-directory", dir.toString(), "up", "-d"));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    }

    /** Runs a command in this JVM; answers its standard output, asserting exit code 0. */
    private String cli(String command) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ComposeCli.execute(new String[] {"--project-directory", dir.toString(), command},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as("%s: %s", command, err).isZero();
        return out.toString();
    }
}
