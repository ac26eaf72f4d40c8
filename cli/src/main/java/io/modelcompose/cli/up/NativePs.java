package io.modelcompose.cli.up;

import io.modelcompose.cli.runtime.TextTable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The text of {@code ps} for the native runtime: one aligned row for the project's {@code up} process. */
final class NativePs {
    private static final List<String> HEADER = List.of("NAME", "STATE", "PID", "PORT", "HEALTH", "READINESS");
    private static final String NONE = "-";

    /** Answers {@code ok}, {@code down(503)}, {@code unreachable}... for a path on the local port. */
    interface Probe {
        String status(int port, String path);
    }

    private NativePs() {
    }

    static String table(ProjectState state, Probe probe) {
        Optional<ProcessHandle> process = state.runningProcess();
        if (process.isEmpty()) {
            return TextTable.render(HEADER, List.of(List.of("compose", "stopped", NONE, NONE, NONE, NONE)));
        }
        int port = state.port().orElse(-1);
        List<String> row = List.of("compose", "running", Long.toString(process.get().pid()),
                port > 0 ? Integer.toString(port) : NONE,
                port > 0 ? probe.status(port, "/health") : NONE,
                port > 0 ? probe.status(port, "/readiness") : NONE);
        return TextTable.render(HEADER, List.of(row));
    }

    static String probe(int port, String path) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? "ok" : "down(" + r.statusCode() + ")";
        } catch (IOException e) {
            return "unreachable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
