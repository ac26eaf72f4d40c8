package io.modelcompose.cli.up;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code up -d}: starts the same command again in the background and returns once its {@code /health} answers. */
public final class Detached {
    private Detached() {
    }

    /**
     * Launches {@code java <same JVM options> -cp <same classpath> <main> <args without -d>} with its output in
     * {@code .compose/up.log} ({@code -e} values travel in a file, not on its command line), then waits up to {@code timeout} for the child to write its port and answer
     * {@code /health}.
     *
     * @return the child's process handle
     */
    public static ProcessHandle launch(ProjectState state, List<String> argsWithoutDetach, String host,
            Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(state.stateDir());
        Files.deleteIfExists(state.portFile());
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.modelcompose.cli.ComposeCli");
        command.addAll(EnvOverridesFile.moveToFile(argsWithoutDetach, state.stateDir().resolve("up-env.properties")));
        Process child = new ProcessBuilder(command).directory(java.nio.file.Path.of("").toAbsolutePath().toFile())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(state.logFile().toFile()))
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        waitHealthy(state, child, host, timeout);
        return child.toHandle();
    }

    private static void waitHealthy(ProjectState state, Process child, String host, Duration timeout)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new ComposeException(ErrorCode.UNAVAILABLE, "the service set exited with code "
                        + child.exitValue() + " during start-up; see " + state.logFile());
            }
            var port = state.port();
            if (port.isPresent() && healthy(http, host, port.get())) {
                return;
            }
            Thread.sleep(200);
        }
        child.destroy();
        throw new ComposeException(ErrorCode.UNAVAILABLE, "the service set did not answer /health within "
                + timeout.toSeconds() + " s; see " + state.logFile());
    }

    static boolean healthy(HttpClient http, String host, int port) {
        String target = "0.0.0.0".equals(host) ? "127.0.0.1" : host;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://" + target + ":" + port + "/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
