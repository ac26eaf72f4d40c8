package io.modelcompose.cli.deploy;

import io.modelcompose.cli.ComposeCli;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * A container command parsed by the real command line: {@code serve ROLE --kafka B -f FILE}.
 *
 * @param role the ROLE argument
 * @param kafka the {@code --kafka} value, or null
 * @param files the {@code -f} files, before or after {@code serve}
 */
record ServeArgs(String role, String kafka, List<Path> files) {
    static final List<String> ROLES = List.of("gateway", "scheduler", "worker", "runtime-agent");

    /** Parses {@code args} as compose-cli does; fails when they are not a valid {@code serve} invocation. */
    static ServeArgs parse(List<String> args) {
        ParseResult top = new CommandLine(new ComposeCli()).parseArgs(args.toArray(String[]::new));
        ParseResult serve = top.subcommand();
        if (serve == null || !serve.commandSpec().name().equals("serve")) {
            throw new AssertionError("not a 'serve' command: " + args);
        }
        List<Path> files = new java.util.ArrayList<>(top.matchedOptionValue("-f", List.<Path>of()));
        files.addAll(serve.matchedOptionValue("-f", List.<Path>of()));
        return new ServeArgs(serve.matchedPositionalValue(0, null), serve.matchedOptionValue("--kafka", null),
                List.copyOf(files));
    }
}
