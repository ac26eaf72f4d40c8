package io.modelcompose.cli;

import io.modelcompose.cli.up.ProjectState;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code compose-cli down}: asks a running {@code up} to stop by creating {@code .stop} in the project folder (it
 * polls for it every second), then waits for the process to exit.
 */
@Command(name = "down", description = "Stop what 'up' started and wait until it has exited.")
final class DownCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCli parent;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Spec
    CommandSpec spec;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "How long to wait (default ${DEFAULT-VALUE})")
    int timeoutSeconds = 60;

    @Override
    public Integer call() throws Exception {
        ProjectState state = new ProjectState(parent.options.mergedWith(options).projectDir());
        Optional<ProcessHandle> running = state.runningProcess();
        if (running.isEmpty()) {
            state.clearRunning();
            spec.commandLine().getOut().println("nothing is running in " + state.projectDir());
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
        spec.commandLine().getOut().println("stopped (pid " + process.pid() + ")");
        return ExitCodes.OK;
    }
}
