package io.modelcompose.cli;

import io.modelcompose.cli.runtime.Project;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.error.ComposeException;
import java.io.PrintWriter;
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

    @Mixin
    HelpOption help = new HelpOption();

    @Spec
    CommandSpec spec;

    /** The options given before the command name, overridden by those given after it. */
    ConfigOptions allOptions() {
        return parent.options.mergedWith(options);
    }

    /** The project of these options, with its config loaded; a config that does not load fails the command. */
    Project loadedProject() {
        return project(allOptions(), true, spec);
    }

    /**
     * The project of the given options.
     *
     * @param configRequired whether a config that does not load fails the command; else the project has none
     */
    static Project project(ConfigOptions all, boolean configRequired, CommandSpec spec) {
        ComposeConfig config;
        try {
            config = all.load();
        } catch (ComposeException e) {
            if (configRequired) {
                throw e;
            }
            config = null;
        }
        return new Project(config, all.loadRequest(), all.projectDir(), spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
