package io.modelcompose.cli;

import io.modelcompose.cli.up.AgentServe;
import io.modelcompose.cli.up.BrokerChoice;
import io.modelcompose.cli.up.NativeUp;
import io.modelcompose.cli.up.ProjectState;
import io.modelcompose.cli.up.ServiceSet;
import io.modelcompose.shared.config.BrokerConfig;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.ControllerConfig;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code compose-cli serve ROLE}: runs one role alone against an external Kafka cluster, until stopped. */
@Command(name = "serve",
        description = "Run one role (gateway, scheduler, worker, runtime-agent) against an external Kafka cluster.",
        footerHeading = "%nExamples:%n",
        footer = {"  compose-cli serve worker --kafka 127.0.0.1:9092",
            "  compose-cli serve runtime-agent --kafka 127.0.0.1:9092 --host-id gpu-1"})
final class ServeCommand extends ProjectCommand {
    private static final String AGENT_ROLE = "runtime-agent";
    private static final String KAFKA_ENV = "KAFKA_BOOTSTRAP_SERVERS";

    @Parameters(index = "0", paramLabel = "ROLE", description = "gateway | scheduler | worker | runtime-agent")
    String role;

    @Option(names = "--kafka", paramLabel = "BOOTSTRAP", description = "Kafka bootstrap servers (or KAFKA_BOOTSTRAP_SERVERS)")
    String kafka;

    @Option(names = "--lease-ms", paramLabel = "MS", description = "Job lease without heartbeat (default ${DEFAULT-VALUE})")
    long leaseMillis = ServiceSet.Tuning.defaults().leaseMillis();

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where this role writes its pid/port files (default: .compose/<role>)")
    Path stateDir;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Also serve /metrics (Prometheus) and /health on this port (default: none)")
    int metricsPort;

    @Option(names = "--host-id", paramLabel = "ID",
            description = "runtime-agent: the host id its commands name (default: COMPOSE_HOST_ID, else the host name)")
    String hostId;

    @Override
    public Integer call() throws Exception {
        ConfigOptions all = allOptions();
        if (AGENT_ROLE.equals(role.toLowerCase(Locale.ROOT))) {
            return serveAgent(all);
        }
        ComposeConfig config = all.load();
        LogSetup.configure(config, all.verbose, all.projectDir());
        ServiceSet.Role selected = switch (role.toLowerCase(Locale.ROOT)) {
            case "gateway" -> ServiceSet.Role.GATEWAY;
            case "scheduler" -> ServiceSet.Role.SCHEDULER;
            case "worker" -> ServiceSet.Role.WORKER;
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
        return new NativeUp(config, all.projectDir(), new ProjectState(dir), broker, EnumSet.of(selected), tuning,
                metricsPort).run();
    }

    /** The runtime-agent needs no config; one found in the project folder gives the broker and topic prefix. */
    private int serveAgent(ConfigOptions all) throws Exception {
        ComposeConfig config = configIfPresent(all);
        LogSetup.configure(config, all.verbose, all.projectDir());
        BrokerChoice broker = config != null ? BrokerChoice.of(kafka, config)
                : new BrokerChoice(kafka != null && !kafka.isBlank() ? kafka : blankToNull(System.getenv(KAFKA_ENV)),
                        BrokerConfig.DEFAULT_TOPIC_PREFIX);
        if (broker.embedded()) {
            throw new ComposeException(ErrorCode.BAD_REQUEST, "serve needs an external broker: pass --kafka,"
                    + " set " + KAFKA_ENV + " or controller.broker.bootstrap_servers");
        }
        Map<String, String> env = config != null ? config.env() : System.getenv();
        Path dir = stateDir != null ? stateDir : all.projectDir().resolve(".compose").resolve(AGENT_ROLE);
        String host = hostId != null && !hostId.isBlank() ? hostId : AgentServe.defaultHostId(env);
        String metricsHost = config == null || config.controller().host() == null ? ControllerConfig.DEFAULT_HOST
                : config.controller().host();
        return new AgentServe(broker.bootstrapServers(), broker.topicPrefix(), host, dir, env)
                .withMetrics(metricsPort, metricsHost).run();
    }

    private static ComposeConfig configIfPresent(ConfigOptions all) {
        Path dir = all.projectDir();
        boolean found = !all.files.isEmpty() || Files.isRegularFile(dir.resolve("model-compose.yml"))
                || Files.isRegularFile(dir.resolve("model-compose.yaml"));
        return found ? all.load() : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
