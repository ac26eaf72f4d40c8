package io.modelcompose.cli;

import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.ConfigSummary;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code compose-cli validate}: load and check the configuration; print every problem and exit 2 on any. */
@Command(name = "validate", description = "Check the configuration and print every problem found.")
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCli parent;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ComposeConfig config = parent.options.mergedWith(options).load();
        spec.commandLine().getOut().println(ConfigSummary.describe(config));
        return ExitCodes.OK;
    }
}
