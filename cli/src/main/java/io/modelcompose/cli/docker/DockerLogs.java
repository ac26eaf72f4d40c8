package io.modelcompose.cli.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.modelcompose.runtimeagent.container.LogLine;
import io.modelcompose.runtimeagent.container.LogStream;
import io.modelcompose.cli.runtime.ExitCodes;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/**
 * {@code logs [-f]} for {@code runtime: docker}: the output of the project's controller container (the one in
 * {@code .compose/docker.id}, else found by label), stdout and stderr lines in the order the engine keeps them, all
 * on our stdout (as {@code docker compose logs} does) so that it can be piped. {@code -f} keeps printing until the
 * container stops or this process is interrupted (Ctrl+C); a stopped container's logs are printed and {@code -f}
 * returns at once.
 */
public final class DockerLogs {
    private final Path projectDir;
    private final String project;
    private final boolean follow;
    private final Predicate<String> keep;
    private final PrintWriter out;
    private final PrintWriter err;

    /**
     * @param project the project name (its containers carry it as label)
     * @param keep which lines to print (called in order, on one thread: it may keep state)
     */
    public DockerLogs(Path projectDir, String project, boolean follow, Predicate<String> keep, PrintWriter out,
            PrintWriter err) {
        this.projectDir = projectDir.toAbsolutePath().normalize();
        this.project = project;
        this.follow = follow;
        this.keep = keep;
        this.out = out;
        this.err = err;
    }

    public int run() {
        try (DockerSession docker = DockerSession.open("logs of runtime: docker")) {
            ProjectContainers containers = new ProjectContainers(docker, projectDir, project);
            InspectContainerResponse target = containers.controller().orElseThrow(containers::nothingDeployed);
            boolean ended = awaitEnd(docker.containers.logs(target.getId(), follow, this::print), target);
            out.flush();
            if (follow && ended) {
                reportEnd(docker, target);
            }
            return ExitCodes.OK;
        }
    }

    /**
     * Waits for the stream to end: true when it ended by itself, false when this thread was interrupted. The stream
     * is closed in any case, also when it opens only after the interruption.
     */
    private static boolean awaitEnd(CompletableFuture<LogStream> opened, InspectContainerResponse target) {
        try {
            opened.thenCompose(LogStream::done).get();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof ComposeException ce ? ce : new ComposeException(ErrorCode.RUNTIME_FAILED,
                    "the log stream of " + ProjectContainers.name(target) + " broke: " + e.getCause().getMessage(),
                    e.getCause());
        } finally {
            opened.thenAccept(DockerLogs::closeQuietly);
        }
    }

    private void print(LogLine line) {
        if (keep.test(line.text())) {
            out.println(line.text());
            if (follow) {
                out.flush();
            }
        }
    }

    /** After {@code -f} ended by itself: the container stopped or was removed. */
    private void reportEnd(DockerSession docker, InspectContainerResponse target) {
        String name = ProjectContainers.name(target);
        Optional<InspectContainerResponse> now = DockerSession.await(docker.containers.inspect(target.getId()),
                ProjectContainers.CALL_TIMEOUT);
        err.println(now.map(c -> endOf(name, c)).orElse(name + " was removed"));
        err.flush();
    }

    private static String endOf(String name, InspectContainerResponse c) {
        return Boolean.TRUE.equals(c.getState().getRunning()) ? "the log stream of " + name + " ended"
                : name + " exited with code " + c.getState().getExitCodeLong();
    }

    private static void closeQuietly(LogStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // the stream is gone already
        }
    }
}
