package io.modelcompose.cli;

import io.modelcompose.cli.local.InterruptAnswers;
import io.modelcompose.cli.local.LocalRunner;
import io.modelcompose.cli.runtime.ExitCodes;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.RunStatus;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code compose-cli run WORKFLOW}: run one workflow once in this process (no broker, no HTTP). */
@Command(name = "run",
        description = "Run one workflow once in-process and print its output as JSON.",
        footerHeading = "%nExamples:%n",
        footer = {"  compose-cli run echo --input '{\"text\": \"hi\"}'",
            "  compose-cli run echo --input @input.json --output out.json"})
final class RunCommand extends ProjectCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "WORKFLOW", description = "Workflow id (default: the default workflow)")
    String workflowId;

    @Option(names = {"-i", "--input"}, paramLabel = "JSON|@FILE", description = "Run input as JSON, or @file.json")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the output JSON to this file instead of stdout")
    Path outputFile;

    @Option(names = "--auto-resume", description = "Go on unchanged at every interrupt instead of asking at the terminal")
    boolean autoResume;

    @Override
    public Integer call() throws Exception {
        ConfigOptions all = allOptions();
        LogSetup.configure(null, all.verbose);
        Object runInput = RunInput.parse(input, all.projectDir());
        ComposeConfig config = all.load();
        config.workflow(workflowId);
        LogSetup.configure(config, all.verbose, all.projectDir());
        RunErrorOnce.apply();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(4));
        try (LocalRunner runner = new LocalRunner(vertx, config, all.projectDir(), answers())) {
            RunSnapshot result = runner.run(workflowId, runInput).toCompletionStage().toCompletableFuture().get();
            return report(result);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            vertx.close();
        }
    }

    /** Interrupts: go on with --auto-resume, ask at a terminal, else stop the run with how to answer it. */
    private InterruptAnswers answers() {
        if (autoResume) {
            return InterruptAnswers.goOn();
        }
        Console console = System.console();
        return console == null ? InterruptAnswers.refuse()
                : new TerminalAnswers(new BufferedReader(console.reader()), err());
    }

    private int report(RunSnapshot result) throws IOException {
        if (result.status() != RunStatus.COMPLETED) {
            err().println("error: run " + result.runId() + " " + result.status().wireName()
                    + ": " + result.error());
            err().flush();
            return ExitCodes.FAILED;
        }
        String json = Json.pretty(result.output());
        if (outputFile != null) {
            Files.writeString(outputFile, json + "\n", StandardCharsets.UTF_8);
        } else {
            out().println(json);
            out().flush();
        }
        return ExitCodes.OK;
    }

    static ComposeException badInput(String message) {
        return new ComposeException(ErrorCode.BAD_REQUEST, message);
    }
}
