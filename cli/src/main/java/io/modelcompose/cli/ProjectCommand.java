package io.modelcompose.cli;

import io.modelcompose.cli.docker.ProjectName;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.RuntimeConfig.RuntimeType;
import io.modelcompose.shared.error.ComposeException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A subcommand about one project: takes the config options before or after its name, writes to picocli's streams. */
abstract class ProjectCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCli parent;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Spec
    CommandSpec spec;

    /** The options given before the command name, overridden by those given after it. */
    ConfigOptions allOptions() {
        return parent.options.mergedWith(options);
    }

    /** The Docker project name when the config loads and says {@code runtime: docker}. */
    static Optional<String> dockerProject(ConfigOptions all) {
        try {
            ComposeConfig config = all.load();
            return config.controller().runtime().type() == RuntimeType.DOCKER
                    ? Optional.of(ProjectName.of(config.controller().name(), all.projectDir())) : Optional.empty();
        } catch (ComposeException e) {
            return Optional.empty();
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
