package io.modelcompose.cli;

import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code compose-cli down}: stops what {@code up} started and waits for it (the native runtime's {@code .stop} file,
 * or the container with a timeout); images and named volumes stay.
 */
@Command(name = "down",
        description = "Stop what 'up' started and wait until it has exited.",
        footerHeading = "%nExamples:%n",
        footer = {"  compose-cli down",
            "  compose-cli down -t 30"})
final class DownCommand extends ProjectCommand {
    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS",
            description = "How long to wait (native: default 60); docker: seconds before SIGKILL (default 10)")
    Integer timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        Optional<Duration> timeout = Optional.ofNullable(timeoutSeconds).map(Duration::ofSeconds);
        return Runtimes.running(project(allOptions(), false, spec)).down(timeout);
    }
}
