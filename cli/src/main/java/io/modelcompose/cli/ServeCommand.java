package io.modelcompose.cli;

import io.modelcompose.cli.up.BrokerChoice;
import io.modelcompose.cli.up.NativeUp;
import io.modelcompose.cli.up.ProjectState;
import io.modelcompose.cli.up.ServiceSet;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code compose-cli serve ROLE}: runs one role alone against an external Kafka cluster, until stopped. */
@Command(name = "serve", description = "Run one role (gateway, scheduler, worker) against an external Kafka cluster.")
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCli parent;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Parameters(index = "0", paramLabel = "ROLE", description = "gateway | scheduler | worker | runtime-agent")
    String role;

    @Option(names = "--kafka", paramLabel = "BOOTSTRAP", description = "Kafka bootstrap servers (or KAFKA_BOOTSTRAP_SERVERS)")
    String kafka;

    @Option(names = "--lease-ms", paramLabel = "MS", description = "Job lease without heartbeat (default ${DEFAULT-VALUE})")
    long leaseMillis = ServiceSet.Tuning.defaults().leaseMillis();

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where this role writes its pid/port files (default: .compose/<role>)")
    Path stateDir;

    @Override
    public Integer call() throws Exception {
        ConfigOptions all = parent.options.mergedWith(options);
        ComposeConfig config = all.load();
        LogSetup.configure(config, all.verbose);
        ServiceSet.Role selected = switch (role.toLowerCase(Locale.ROOT)) {
            case "gateway" -> ServiceSet.Role.GATEWAY;
            case "scheduler" -> ServiceSet.Role.SCHEDULER;
            case "worker" -> ServiceSet.Role.WORKER;
            case "runtime-agent" -> throw new ComposeException(ErrorCode.RUNTIME_FAILED,
                    "the runtime-agent role is not part of this build yet");
            default -> throw new ComposeException(ErrorCode.BAD_REQUEST, "unknown role '" + role
                    + "': expected gateway, scheduler, worker or runtime-agent");
        };
        BrokerChoice broker = BrokerChoice.of(kafka, config);
        if (broker.embedded()) {
            throw new ComposeException(ErrorCode.BAD_REQUEST, "serve needs an external broker: pass --kafka,"
                    + " set KAFKA_BOOTSTRAP_SERVERS or controller.broker.bootstrap_servers");
        }
        Path dir = stateDir != null ? stateDir : all.projectDir().resolve(".compose").resolve(role);
        ServiceSet.Tuning defaults = ServiceSet.Tuning.defaults();
        ServiceSet.Tuning tuning = new ServiceSet.Tuning(leaseMillis, defaults.maxConcurrentJobs(),
                defaults.maxProcesses(), defaults.maxPendingRuns());
        return new NativeUp(config, all.projectDir(), new ProjectState(dir), broker, EnumSet.of(selected), tuning).run();
    }
}
