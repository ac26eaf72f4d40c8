package io.modelcompose.cli;

import io.modelcompose.cli.docker.DockerDown;
import io.modelcompose.cli.docker.DockerIdFile;
import io.modelcompose.cli.up.ProjectState;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code compose-cli down}: asks a running {@code up} to stop by creating {@code .stop} in the project folder (it
 * polls for it every second), then waits for the process to exit. With {@code runtime: docker} (or a
 * {@code .compose/docker.id} left by {@code up}) it stops and removes the container instead.
 */
@Command(name = "down", description = "Stop what 'up' started and wait until it has exited.")
final class DownCommand extends ProjectCommand {
    private static final int DOCKER_STOP_SECONDS = 10;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "How long to wait (default ${DEFAULT-VALUE}); docker: seconds before SIGKILL (default 10)")
    int timeoutSeconds = 60;

    @Override
    public Integer call() throws Exception {
        ConfigOptions all = allOptions();
        ProjectState state = new ProjectState(all.projectDir());
        if (new DockerIdFile(state.projectDir()).exists()) {
            return dockerDown(all, dockerProject(all).orElse(null));
        }
        Optional<ProcessHandle> running = state.runningProcess();
        if (running.isEmpty()) {
            Optional<String> dockerProject = dockerProject(all);
            if (dockerProject.isPresent()) {
                return dockerDown(all, dockerProject.get());
            }
            state.clearRunning();
            out().println("nothing is running in " + state.projectDir());
            return ExitCodes.OK;
        }
        Files.createDirectories(state.projectDir());
        Files.writeString(state.stopFile(), "");
        ProcessHandle process = running.get();
        try {
            process.onExit().get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ComposeException(ErrorCode.UNAVAILABLE, "pid " + process.pid() + " did not stop within "
                    + timeoutSeconds + " s");
        }
        Files.deleteIfExists(state.stopFile());
        out().println("stopped (pid " + process.pid() + ")");
        return ExitCodes.OK;
    }

    /** Docker: stop (SIGTERM, SIGKILL after -t seconds, default 10) and remove the container. */
    private int dockerDown(ConfigOptions all, String project) throws Exception {
        boolean timeoutGiven = spec.commandLine().getParseResult().hasMatchedOption("--timeout");
        Duration stopTimeout = Duration.ofSeconds(timeoutGiven ? timeoutSeconds : DOCKER_STOP_SECONDS);
        return new DockerDown(all.projectDir(), project, stopTimeout, out()).run();
    }
}
