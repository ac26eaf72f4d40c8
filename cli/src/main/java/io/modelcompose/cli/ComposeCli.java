package io.modelcompose.cli;

import io.modelcompose.cli.runtime.ExitCodes;
import io.modelcompose.shared.error.ComposeException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code compose-cli}: the entry point. {@code System.exit} is called here and nowhere else. */
@Command(name = "compose-cli", mixinStandardHelpOptions = true, version = "compose 0.1.0",
        description = "Declarative workflow orchestrator on Kafka (a re-making of model-compose).",
        footer = "%nRun 'compose-cli COMMAND --help' for more information on a command.",
        subcommands = {RunCommand.class, ValidateCommand.class, UpCommand.class, DownCommand.class, PsCommand.class,
            LogsCommand.class, ServeCommand.class, BenchCommand.class, VerifyCommand.class})
public final class ComposeCli implements Runnable {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The arguments this process was started with ({@code up -d} starts itself again with them). */
    String[] originalArgs = new String[0];

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns the exit code; output goes to the given writers. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        ComposeCli top = new ComposeCli();
        top.originalArgs = args.clone();
        CommandLine cli = new CommandLine(top);
        // '--input @input.json' names a file that RunInput reads; picocli would otherwise expand it as arguments
        cli.setExpandAtFiles(false);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = parseResult.subcommand() != null
                    && parseResult.subcommand().hasMatchedOption("--verbose")
                    || parseResult.hasMatchedOption("--verbose");
            report(ex, commandLine.getErr(), verbose);
            return ExitCodes.of(ex);
        });
        return cli.execute(args);
    }

    static void report(Throwable ex, PrintWriter err, boolean verbose) {
        String message = ex instanceof ComposeException ? ex.getMessage()
                : ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
        err.println("error: " + message);
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
    }
}
