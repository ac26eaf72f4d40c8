package io.modelcompose.cli;

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

    @Spec
    CommandSpec spec;

    /** The options given before the command name, overridden by those given after it. */
    ConfigOptions allOptions() {
        return parent.options.mergedWith(options);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
