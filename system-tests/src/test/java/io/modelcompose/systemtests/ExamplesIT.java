package io.modelcompose.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcompose.testkit.docker.RequiresDocker;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command line of each example's README, run as written from a clean copy of the example (no build state, no
 * {@code .compose/}) against a real {@code up}: the only change is the port, 8080 (8090 for Docker) replaced by a
 * free one through {@code .env} and in the commands, since other processes on a shared machine may hold 8080. The
 * README's own foreground {@code up} runs in the background until the README's {@code down}.
 */
class ExamplesIT {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Per command: an {@code up -d} on 2 busy cores took ~60 s natively. */
    private static final long COMMAND_TIMEOUT_SECONDS = 240;
    /** A first Docker {@code up -d} builds the image and waits for healthy: 4+ minutes on 2 busy cores. */
    private static final long DOCKER_COMMAND_TIMEOUT_SECONDS = 900;
    private long commandTimeoutSeconds = COMMAND_TIMEOUT_SECONDS;

    @TempDir
    Path copy;

    @ParameterizedTest
    @ValueSource(strings = {"timed-workflow", "process-with-logging", "metrics-logging", "prometheus-push"})
    void everyReadmeCommandWorksOffline(String example) throws Exception {
        runReadme(example, 8080, REPO.resolve("examples").resolve(example).resolve("README.md"));
    }

    @Test
    @RequiresDocker
    void theDockerExampleWorksWithoutARegistry() throws Exception {
        commandTimeoutSeconds = DOCKER_COMMAND_TIMEOUT_SECONDS;
        runReadme("docker-runtime", 8090, REPO.resolve("examples/docker-runtime/README.md"));
    }

    /** The top README's commands after the set-up block, in the folder its set-up command enters. */
    @Test
    void theTopReadmesCommandsWorkInTheFirstExample() throws Exception {
        List<List<String>> blocks = ReadmeCommands.blocks(REPO.resolve("README.md"));
        assertThat(blocks.get(0)).as("the set-up block").anyMatch(c -> c.startsWith("mvn -B verify"));
        Path dir = cleanCopy("timed-workflow");
        int port = LoopbackPorts.free();
        writeEnv(dir, port);
        List<String> commands = new ArrayList<>(List.of("./compose-cli up -d"));
        commands.addAll(blocks.get(1));
        runAll(dir, commands, 8080, port);
    }

    private void runReadme(String example, int documentedPort, Path readme) throws Exception {
        Path dir = cleanCopy(example);
        int port = LoopbackPorts.free();
        writeEnv(dir, port);
        List<String> commands = ReadmeCommands.blocks(readme).stream().flatMap(List::stream).toList();
        assertThat(commands).as(readme + " commands").isNotEmpty();
        List<Result> results = runAll(dir, commands, documentedPort, port);
        if (example.equals("prometheus-push")) {
            assertThat(results).anyMatch(r -> r.upLog().contains("metrics pushed: workflow_execution_duration_seconds"));
        }
    }

    private List<Result> runAll(Path dir, List<String> commands, int documentedPort, int port) throws Exception {
        List<Result> results = new ArrayList<>();
        Process foreground = null;
        try {
            for (String written : commands) {
                String command = written.replace("127.0.0.1:" + documentedPort, "127.0.0.1:" + port);
                if (command.matches(".*compose-cli up\\s*")) {
                    foreground = start(dir, command, dir.resolve("foreground-up.log"));
                    awaitHealthy(port, foreground, dir.resolve("foreground-up.log"));
                    continue;
                }
                String upLog = read(dir.resolve(".compose/up.log")) + read(dir.resolve("foreground-up.log"));
                Result result = run(dir, command, upLog);
                results.add(result);
                assertThat(result.exitCode()).as("'%s' in %s exited %d:%n%s%n%s%nup log:%n%s", written,
                        dir.getFileName(), result.exitCode(), result.out(), result.err(), upLog).isZero();
                assertSucceeded(written, result);
            }
        } finally {
            // whatever failed, nothing this test started may outlive it (a detached set, a container)
            Result down = run(dir, "../../compose-cli down", "");
            if (foreground != null) {
                foreground.waitFor(60, TimeUnit.SECONDS);
                foreground.destroyForcibly();
            }
            assertThat(down.err()).as("the final down").doesNotContain("error:");
        }
        return results;
    }

    /** A JSON answer (curl, run) that reports a run must report it completed. */
    private static void assertSucceeded(String command, Result result) throws IOException {
        if (!command.startsWith("curl") && !command.contains("compose-cli run")) {
            return;
        }
        JsonNode answer = JSON.readTree(result.out());
        assertThat(answer).as("'%s' answered %s", command, result.out()).isNotNull();
        if (answer.has("status")) {
            assertThat(answer.get("status").asText()).as("'%s' answered %s", command, result.out())
                    .isEqualTo("completed");
        }
    }

    private Path cleanCopy(String example) throws IOException {
        Path examples = Files.createDirectories(copy.resolve("examples"));
        Files.createSymbolicLink(copy.resolve("compose-cli"), REPO.resolve("compose-cli"));
        Path source = REPO.resolve("examples").resolve(example);
        Path target = examples.resolve(example);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(f -> !source.relativize(f).toString().startsWith(".")).toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isSymbolicLink(file)) {
                    Files.createSymbolicLink(to, Files.readSymbolicLink(file)); // ../../compose-cli
                } else if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        return target;
    }

    private static void writeEnv(Path dir, int port) throws IOException {
        String api = "http://127.0.0.1:" + port + "/api";
        Files.writeString(dir.resolve(".env"), "PORT=" + port + "\nAPI_BASE_URL=" + api + "\nPUSHGATEWAY_URL=" + api
                + "\n");
    }

    private Result run(Path dir, String command, String upLog) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir.getParent(), "out", ".txt");
        Path err = Files.createTempFile(dir.getParent(), "err", ".txt");
        Process process = new ProcessBuilder("bash", "-c", command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!process.waitFor(commandTimeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("'" + command + "' did not finish within " + commandTimeoutSeconds + " s:\n"
                    + read(err));
        }
        return new Result(process.exitValue(), read(out), read(err), upLog);
    }

    private static Process start(Path dir, String command, Path log) throws IOException {
        return new ProcessBuilder("bash", "-c", "exec " + command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    }

    private static void awaitHealthy(int port, Process up, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        await().atMost(Duration.ofSeconds(COMMAND_TIMEOUT_SECONDS)).pollInterval(Duration.ofMillis(250))
                .failFast("up exited; see " + log, () -> !up.isAlive())
                .until(() -> {
                    try {
                        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode() == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private record Result(int exitCode, String out, String err, String upLog) {
    }
}
