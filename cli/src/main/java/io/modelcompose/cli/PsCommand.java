package io.modelcompose.cli;

import io.modelcompose.cli.up.ProjectState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code compose-cli ps}: what 'up' runs in this project folder, and its health and readiness. */
@Command(name = "ps", description = "Show what is running and whether it is healthy.")
final class PsCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCli parent;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProjectState state = new ProjectState(parent.options.mergedWith(options).projectDir());
        var out = spec.commandLine().getOut();
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
