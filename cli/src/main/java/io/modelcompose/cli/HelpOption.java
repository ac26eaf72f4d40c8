package io.modelcompose.cli;

import picocli.CommandLine.Option;

/** {@code -h}/{@code --help} on a subcommand: prints its usage and exits 0 before any argument is checked. */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit")
    boolean requested;
}
