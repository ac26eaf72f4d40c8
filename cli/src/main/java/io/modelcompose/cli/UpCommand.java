package io.modelcompose.cli;

import io.modelcompose.cli.runtime.Project;
import io.modelcompose.cli.runtime.UpRequest;
import io.modelcompose.cli.up.ServiceSet;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code compose-cli up}: deploys the service set (gateway, scheduler, worker) on Kafka; with {@code runtime: docker}
 * it runs the set in a container instead.
 */
@Command(name = "up",
        description = "Start the service set: broker, gateway, scheduler and a worker.",
        footerHeading = "%nExamples:%n",
        footer = {"  compose-cli up -d",
            "  compose-cli -f model-compose.yml -f prod.yml up --kafka 127.0.0.1:9092"})
final class UpCommand extends ProjectCommand {
    @Option(names = {"-d", "--detach"}, description = "Run in the background; return once /health answers")
    boolean detach;

    @Option(names = "--kafka", paramLabel = "BOOTSTRAP", description = "Use this Kafka cluster instead of the embedded broker")
    String kafka;

    @Option(names = "--lease-ms", paramLabel = "MS", description = "Job lease without heartbeat (default ${DEFAULT-VALUE})")
    long leaseMillis = ServiceSet.Tuning.defaults().leaseMillis();

    @Override
    public Integer call() throws Exception {
        ConfigOptions all = allOptions();
        Project project = loadedProject();
        Runnable logSetup = () -> LogSetup.configure(project.config(), all.verbose, all.projectDir());
        return Runtimes.declared(project).up(new UpRequest(detach, kafka, leaseMillis, argsWithoutDetach(), logSetup));
    }

    private List<String> argsWithoutDetach() {
        List<String> args = new ArrayList<>(List.of(parent.originalArgs));
        args.removeIf(a -> a.equals("-d") || a.equals("--detach"));
        return args;
    }
}
