package io.modelcompose.cli;

import picocli.CommandLine.Command;

/**
 * {@code compose-cli ps}: what 'up' runs in this project folder, and its health and readiness; with
 * {@code runtime: docker} (or a {@code .compose/docker.id} left by {@code up}) the project's containers.
 */
@Command(name = "ps",
        description = "Show what is running and whether it is healthy.",
        footerHeading = "%nExamples:%n",
        footer = {"  compose-cli ps",
            "  compose-cli -f other.yml ps"})
final class PsCommand extends ProjectCommand {
    @Override
    public Integer call() throws Exception {
        return Runtimes.running(project(allOptions(), false, spec)).ps();
    }
}
