package io.modelcompose.cli;

import io.modelcompose.cli.docker.DockerIdFile;
import io.modelcompose.cli.docker.DockerPs;
import io.modelcompose.cli.up.ProjectState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * {@code compose-cli ps}: what 'up' runs in this project folder, and its health and readiness. With
 * {@code runtime: docker} (or a {@code .compose/docker.id} left by {@code up}) it lists the project's containers
 * ({@link DockerPs}).
 */
@Command(name = "ps", description = "Show what is running and whether it is healthy.")
final class PsCommand extends ProjectCommand {
    @Override
    public Integer call() {
        ConfigOptions all = allOptions();
        Optional<String> dockerProject = dockerProject(all);
        if (dockerProject.isPresent() || new DockerIdFile(all.projectDir()).exists()) {
            return new DockerPs(all.projectDir(), dockerProject.orElse(null), out()).run();
        }
        ProjectState state = new ProjectState(all.projectDir());
        var out = out();
        Optional<ProcessHandle> process = state.runningProcess();
        if (process.isEmpty()) {
            out.println("NAME     STATE     PID   PORT  HEALTH  READINESS");
            out.println("compose  stopped   -     -     -       -");
            out.flush();
            return ExitCodes.OK;
        }
        int port = state.port().orElse(-1);
        String health = port > 0 ? probe(port, "/health") : "-";
        String readiness = port > 0 ? probe(port, "/readiness") : "-";
        out.println("NAME     STATE     PID   PORT  HEALTH  READINESS");
        out.printf("compose  running   %d  %d  %s  %s%n", process.get().pid(), port, health, readiness);
        out.flush();
        return ExitCodes.OK;
    }

    private static String probe(int port, String path) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? "ok" : "down(" + r.statusCode() + ")";
        } catch (java.io.IOException e) {
            return "unreachable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
