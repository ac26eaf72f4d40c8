package io.modelcompose.cli;

import io.modelcompose.cli.runtime.ExitCodes;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.ConfigSummary;
import picocli.CommandLine.Command;

/** {@code compose-cli validate}: load and check the configuration; print every problem and exit 2 on any. */
@Command(name = "validate",
        description = "Check the configuration and print every problem found.",
        footerHeading = "%nExamples:%n",
        footer = {"  compose-cli validate",
            "  compose-cli -f model-compose.yml -f prod.yml validate"})
final class ValidateCommand extends ProjectCommand {
    @Override
    public Integer call() {
        ComposeConfig config = allOptions().load();
        config.warnings().forEach(warning -> out().println("warning: " + warning));
        out().println(ConfigSummary.describe(config));
        return ExitCodes.OK;
    }
}
