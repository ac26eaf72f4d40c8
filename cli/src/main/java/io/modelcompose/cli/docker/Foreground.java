package io.modelcompose.cli.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.modelcompose.runtimeagent.container.ContainerService;
import io.modelcompose.runtimeagent.container.LogLine;
import io.modelcompose.runtimeagent.container.LogStream;
import io.modelcompose.runtimeagent.container.RunningContainer;
import io.modelcompose.cli.runtime.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The foreground of a Docker {@code up}: the container's stdout and stderr go to ours until the container stops (its
 * exit code becomes ours: 0 or 1) or Ctrl+C asks to stop; then the container is stopped (SIGTERM, SIGKILL after
 * {@link #STOP_TIMEOUT}) and kept, as docker compose does; {@code down} removes it.
 */
final class Foreground {
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final ContainerService containers;
    private final RunningContainer container;
    private final PrintWriter out;
    private final PrintWriter err;
    private final CompletableFuture<Void> stopRequested = new CompletableFuture<>();
    private final CountDownLatch finished = new CountDownLatch(1);

    Foreground(ContainerService containers, RunningContainer container, PrintWriter out, PrintWriter err) {
        this.containers = containers;
        this.container = container;
        this.out = out;
        this.err = err;
    }

    int run() throws Exception {
        Thread hook = new Thread(this::onSignal, "compose-docker-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        LogStream stream = null;
        try {
            stream = DockerSession.await(containers.logs(container.id(), true, this::print), CALL_TIMEOUT);
            CompletableFuture.anyOf(stream.done(), stopRequested).exceptionally(failure -> null).get();
            if (stopRequested.isDone()) {
                err.println("stopping " + container.name() + " (SIGKILL after " + STOP_TIMEOUT.toSeconds() + " s)");
                err.flush();
                DockerSession.await(containers.stop(container.id(), STOP_TIMEOUT), STOP_TIMEOUT.plus(CALL_TIMEOUT));
                err.println("stopped " + container.name() + "; 'compose-cli down' removes it");
                err.flush();
                return ExitCodes.OK;
            }
            return ended();
        } finally {
            closeQuietly(stream);
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running
            }
        }
    }

    /** The container stopped by itself (or 'down' stopped it): report how. */
    private int ended() {
        Optional<InspectContainerResponse> state = DockerSession.await(containers.inspect(container.id()),
                CALL_TIMEOUT);
        if (state.isEmpty()) {
            err.println(container.name() + " was removed");
            err.flush();
            return ExitCodes.OK;
        }
        Long code = state.get().getState().getExitCodeLong();
        err.println(container.name() + " exited with code " + code);
        err.flush();
        return code == null || code == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private void print(LogLine line) {
        PrintWriter target = line.stream() == LogLine.Stream.STDERR ? err : out;
        target.println(line.text());
        target.flush();
    }

    private void onSignal() {
        stopRequested.complete(null);
        try {
            finished.await(STOP_TIMEOUT.plusSeconds(20).toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(LogStream stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                // the stream is gone already
            }
        }
    }
}
