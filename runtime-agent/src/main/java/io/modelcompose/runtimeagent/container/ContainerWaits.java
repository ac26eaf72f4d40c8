package io.modelcompose.runtimeagent.container;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse.ContainerState;
import io.modelcompose.runtimeagent.docker.DockerExecutor;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Waits for a container state by inspecting it every {@link #POLL_INTERVAL} on the docker executor. */
final class ContainerWaits {
    static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    /** What one inspection says: keep waiting, done, or failed (with the reason). */
    private record Verdict(boolean waiting, ComposeException failure) {
        static final Verdict WAIT = new Verdict(true, null);
        static final Verdict DONE = new Verdict(false, null);

        static Verdict failed(ComposeException reason) {
            return new Verdict(false, reason);
        }
    }

    private final DockerExecutor docker;

    ContainerWaits(DockerExecutor docker) {
        this.docker = docker;
    }

    CompletableFuture<InspectContainerResponse> running(String id, Duration timeout) {
        return poll(id, "running", Instant.now().plus(timeout), timeout, ContainerWaits::runningVerdict);
    }

    /** Healthy when a healthcheck is declared; running when none is. */
    CompletableFuture<InspectContainerResponse> healthy(String id, Duration timeout) {
        return poll(id, "healthy", Instant.now().plus(timeout), timeout, ContainerWaits::healthVerdict);
    }

    private CompletableFuture<InspectContainerResponse> poll(String id, String goal, Instant deadline,
            Duration timeout, Function<InspectContainerResponse, Verdict> judge) {
        return docker.submit("inspect container " + id, c -> c.inspectContainerCmd(id).exec())
                .thenCompose(response -> {
                    Verdict verdict = judge.apply(response);
                    if (!verdict.waiting()) {
                        return verdict.failure() == null ? CompletableFuture.completedFuture(response)
                                : CompletableFuture.failedFuture(verdict.failure());
                    }
                    if (Instant.now().isAfter(deadline)) {
                        return CompletableFuture.failedFuture(new ComposeException(ErrorCode.TIMEOUT, "container '"
                                + name(response) + "' was not " + goal + " within " + timeout.toSeconds() + " s"));
                    }
                    return CompletableFuture.supplyAsync(() -> null, docker.after(POLL_INTERVAL))
                            .thenCompose(ignored -> poll(id, goal, deadline, timeout, judge));
                });
    }

    private static Verdict runningVerdict(InspectContainerResponse response) {
        ContainerState state = response.getState();
        if (Boolean.TRUE.equals(state.getRunning()) && !Boolean.TRUE.equals(state.getRestarting())) {
            return Verdict.DONE;
        }
        return exitedVerdict(response);
    }

    private static Verdict healthVerdict(InspectContainerResponse response) {
        HealthState health = response.getState().getHealth();
        if (health == null) {
            return runningVerdict(response);
        }
        if ("healthy".equals(health.getStatus())) {
            return Verdict.DONE;
        }
        if ("unhealthy".equals(health.getStatus())) {
            return Verdict.failed(new ComposeException(ErrorCode.RUNTIME_FAILED, "container '" + name(response)
                    + "' is unhealthy; last check said: " + lastCheckOutput(health)));
        }
        return exitedVerdict(response);
    }

    private static Verdict exitedVerdict(InspectContainerResponse response) {
        ContainerState state = response.getState();
        if ("exited".equals(state.getStatus()) || "dead".equals(state.getStatus())) {
            String error = state.getError() == null || state.getError().isBlank() ? "" : " (" + state.getError() + ")";
            return Verdict.failed(new ComposeException(ErrorCode.RUNTIME_FAILED, "container '" + name(response)
                    + "' exited with code " + state.getExitCodeLong() + error));
        }
        return Verdict.WAIT;
    }

    private static String lastCheckOutput(HealthState health) {
        List<HealthStateLog> log = health.getLog();
        if (log == null || log.isEmpty()) {
            return "(no output)";
        }
        String output = log.get(log.size() - 1).getOutput();
        return output == null || output.isBlank() ? "(no output)" : output.strip();
    }

    private static String name(InspectContainerResponse response) {
        String name = response.getName();
        return name != null && name.startsWith("/") ? name.substring(1) : name;
    }
}
