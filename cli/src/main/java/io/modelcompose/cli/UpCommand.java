package io.modelcompose.cli;

import io.modelcompose.cli.docker.DockerUp;
import io.modelcompose.cli.up.BrokerChoice;
import io.modelcompose.cli.up.Detached;
import io.modelcompose.cli.up.NativeUp;
import io.modelcompose.cli.up.PortCheck;
import io.modelcompose.cli.up.ProjectState;
import io.modelcompose.cli.up.ServiceSet;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.RuntimeConfig.RuntimeType;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code compose-cli up}: deploys the service set (gateway, scheduler, worker) on Kafka; with {@code runtime: docker}
 * it runs the set in a container instead ({@link DockerUp}).
 */
@Command(name = "up", description = "Start the service set: broker, gateway, scheduler and a worker.")
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
        ComposeConfig config = all.load();
        ProjectState state = new ProjectState(all.projectDir());
        if (config.controller().runtime().type() == RuntimeType.DOCKER) {
            LogSetup.configure(config, all.verbose, all.projectDir());
            return new DockerUp(config, all.loadRequest(), all.projectDir(), detach, kafka,
                    out(), err()).run();
        }
        if (state.runningProcess().isPresent()) {
            throw new ComposeException(ErrorCode.CONFLICT, "already running (pid "
                    + state.runningProcess().get().pid() + "); run 'compose-cli down' first");
        }
        PortCheck.controllerPortFree(config); // before the broker starts, and before 'up -d' leaves the terminal
        if (detach) {
            ProcessHandle child = Detached.launch(state, argsWithoutDetach(), config.controller().host(),
                    Duration.ofSeconds(120));
            out().println("compose is up in the background (pid " + child.pid() + "), port "
                    + state.port().orElse(-1) + "; logs in " + state.logFile());
            out().flush();
            return ExitCodes.OK;
        }
        LogSetup.configure(config, all.verbose, all.projectDir());
        ServiceSet.Tuning tuning = ServiceSet.Tuning.defaults();
        tuning = new ServiceSet.Tuning(leaseMillis, tuning.maxConcurrentJobs(), tuning.maxProcesses(),
                tuning.maxPendingRuns());
        return new NativeUp(config, all.projectDir(), state, BrokerChoice.of(kafka, config), ServiceSet.allRoles(), tuning)
                .withLocalAgent().run();
    }

    private List<String> argsWithoutDetach() {
        List<String> args = new ArrayList<>(List.of(parent.originalArgs));
        args.removeIf(a -> a.equals("-d") || a.equals("--detach"));
        return args;
    }
}
