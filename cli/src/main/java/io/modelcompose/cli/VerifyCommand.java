package io.modelcompose.cli;

import io.modelcompose.cli.runtime.ExitCodes;
import io.modelcompose.cli.verify.Verifier;
import io.modelcompose.cli.verify.VerifyOptions;
import io.modelcompose.cli.verify.VerifyReport;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code compose-cli verify}: the chaos verifier. Starts the set as processes, drives runs of a ledger workflow while
 * killing roles, and checks the ledger: exit 0 when nothing was lost, no duplicate lacks a lease expiry and no limit
 * was exceeded, 1 otherwise.
 */
@Command(name = "verify",
        description = "Chaos-test the set as processes: N ledger runs under limits while workers, the active"
                + " scheduler and the gateway are SIGKILLed; exit 1 on a lost run, an unjustified duplicate or a"
                + " limit exceeded.",
        footerHeading = "%nExamples:%n",
        footer = {"  compose-cli verify --runs 150 --worker-kills 2 --scheduler-kills 1 --long-job-seconds 8",
            "  compose-cli verify --runs 2000 --rate 10 --worker-kills 20 --scheduler-kills 3 --report verify.json"})
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    HelpOption help = new HelpOption();

    @Spec
    CommandSpec spec;

    @Option(names = "--runs", description = "Runs to submit (default ${DEFAULT-VALUE})")
    int runs = 500;

    @Option(names = "--rate", description = "Runs submitted per second (default ${DEFAULT-VALUE})")
    double rate = 10;

    @Option(names = "--workers", description = "Worker processes (default ${DEFAULT-VALUE})")
    int workers = 3;

    @Option(names = "--worker-kills", description = "Worker SIGKILLs (default ${DEFAULT-VALUE})")
    int workerKills = 5;

    @Option(names = "--scheduler-kills", description = "SIGKILLs of the active scheduler (default ${DEFAULT-VALUE})")
    int schedulerKills = 2;

    @Option(names = "--gateway-kills", description = "Gateway SIGKILLs (default ${DEFAULT-VALUE})")
    int gatewayKills = 1;

    @Option(names = "--long-jobs", description = "Runs whose limited job is long (default ${DEFAULT-VALUE})")
    int longJobs = 5;

    @Option(names = "--long-job-seconds", description = "How long a long job runs (default ${DEFAULT-VALUE})")
    double longJobSeconds = 30;

    @Option(names = "--component-limit", description = "The limited component's max_concurrent_count"
            + " (default ${DEFAULT-VALUE})")
    int componentLimit = 3;

    @Option(names = "--controller-limit", description = "The controller's max_concurrent_count"
            + " (default ${DEFAULT-VALUE})")
    int controllerLimit = 8;

    @Option(names = "--lease-ms", paramLabel = "MS", description = "Job lease of the roles (default ${DEFAULT-VALUE})")
    long leaseMillis = 5_000;

    @Option(names = "--seed", description = "Seed of the plan: durations, kill times, victims (default: random)")
    Long seed;

    @Option(names = "--kafka", paramLabel = "BOOTSTRAP",
            description = "Attach to this Kafka cluster (default: start the embedded broker)")
    String kafka;

    @Option(names = "--dir", description = "The folder the verifier owns: config, ledger, role logs"
            + " (default: a new temporary folder)")
    Path dir;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Wait for runs to end after the last submission (default ${DEFAULT-VALUE})")
    long timeoutSeconds = 300;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the report as JSON to FILE")
    Path report;

    @Override
    public Integer call() throws Exception {
        long chosenSeed = seed != null ? seed : System.nanoTime();
        Path folder = dir != null ? dir : Files.createTempDirectory("compose-verify-");
        VerifyOptions options = new VerifyOptions(runs, rate, workers, workerKills, schedulerKills, gatewayKills,
                longJobs, longJobSeconds, componentLimit, controllerLimit, leaseMillis, chosenSeed,
                kafka == null || kafka.isBlank() ? null : kafka, folder, timeoutSeconds);
        spec.commandLine().getErr().printf("verify: seed %d%n", chosenSeed);
        VerifyReport result = new Verifier(options, spec.commandLine().getErr()).run();
        result.print(spec.commandLine().getOut());
        if (report != null) {
            try {
                Files.writeString(report, result.toJson());
            } catch (IOException e) {
                throw new ComposeException(ErrorCode.UNAVAILABLE, "cannot write " + report + ": " + e.getMessage());
            }
        }
        return result.passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
