package io.modelcompose.runtimeagent.container;

import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import io.modelcompose.runtimeagent.image.ImageRefs;
import io.modelcompose.shared.config.docker.DockerOptions;
import io.modelcompose.shared.config.docker.HealthcheckOptions;
import io.modelcompose.shared.config.docker.LoggingOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps the Docker options of one service to a {@link ContainerSpec}. Pure apart from reading env files, which
 * happens now, so that a missing file fails before anything is created. Invalid values ({@code cpus} above the host's
 * CPU count, a missing env file, swap below memory, an unknown log driver ...) fail with
 * {@code ErrorCode.CONFIG_INVALID} naming the option and where it was written. {@code init} is always on, so that
 * signals reach the application.
 */
public final class ContainerSpecMapper {
    /** The engine refuses memory limits below this. */
    static final long MIN_MEMORY_BYTES = 6L * 1024 * 1024;
    private static final Set<String> HEALTH_TEST_KINDS = Set.of("CMD", "CMD-SHELL", "NONE");

    private ContainerSpecMapper() {
    }

    public static ContainerSpec map(DockerOptions options, MappingContext ctx) {
        OptionSource source = new OptionSource(ctx.configPath(), options.locations());
        String name = options.containerName() != null ? options.containerName()
                : ImageRefs.defaultContainerName(ctx.project(), ctx.service());
        return new ContainerSpec(ctx.project(), ctx.service(), name, ImageRefs.imageFor(options, ctx.project()),
                options.hostname(), options.command(), options.entrypoint(), options.workingDir(), options.user(),
                env(options, ctx, source), labels(options, ctx), PortMapper.exposed(options.ports(), source),
                hostConfig(options, ctx, source), healthcheck(options.healthcheck(), source), options.networks(),
                source);
    }

    /** extra env, then env files (later files win), then {@code environment}: the last one written wins. */
    private static List<String> env(DockerOptions options, MappingContext ctx, OptionSource source) {
        Map<String, String> env = new LinkedHashMap<>(ctx.extraEnv());
        env.putAll(EnvFiles.read(options.envFile(), ctx.projectDir(), ctx.hostEnv(), source));
        env.putAll(options.environment());
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    private static Map<String, String> labels(DockerOptions options, MappingContext ctx) {
        Map<String, String> labels = new LinkedHashMap<>(options.labels());
        labels.put(ComposeLabels.PROJECT, ctx.project());
        labels.put(ComposeLabels.SERVICE, ctx.service());
        return labels;
    }

    private static HostConfig hostConfig(DockerOptions options, MappingContext ctx, OptionSource source) {
        HostConfig host = HostConfig.newHostConfig()
                .withInit(true)
                .withPortBindings(PortMapper.bindings(options.ports(), source))
                .withMounts(MountMapper.mounts(options.volumes(), ctx.projectDir(), source));
        memory(options, host, source);
        cpus(options, ctx, host, source);
        if (options.cpuShares() != null) {
            host.withCpuShares(options.cpuShares());
        }
        if (options.restart() != null) {
            host.withRestartPolicy(restart(options.restart()));
        }
        if (options.privileged() != null) {
            host.withPrivileged(options.privileged());
        }
        if (!options.securityOpt().isEmpty()) {
            host.withSecurityOpts(options.securityOpt());
        }
        if (options.logging() != null) {
            host.withLogConfig(logConfig(options.logging(), source));
        }
        if (!options.networks().isEmpty()) {
            host.withNetworkMode(options.networks().get(0));
        }
        return host;
    }

    private static void memory(DockerOptions options, HostConfig host, OptionSource source) {
        Long memory = options.memLimitBytes();
        Long swap = options.memswapLimitBytes();
        if (memory != null && memory < MIN_MEMORY_BYTES) {
            throw source.invalid("mem_limit", memory + " bytes is below the engine's minimum of 6m");
        }
        if (swap != null && swap != -1) {
            if (memory == null) {
                throw source.invalid("memswap_limit", "needs mem_limit (memswap_limit is memory + swap)");
            }
            if (swap < memory) {
                throw source.invalid("memswap_limit", "must be at least mem_limit (memswap_limit is memory + swap)");
            }
        }
        if (memory != null) {
            host.withMemory(memory);
        }
        if (swap != null) {
            host.withMemorySwap(swap);
        }
    }

    private static void cpus(DockerOptions options, MappingContext ctx, HostConfig host, OptionSource source) {
        Double cpus = options.cpus();
        if (cpus == null) {
            return;
        }
        if (cpus < 0.01) {
            throw source.invalid("cpus", cpus + " is below the minimum of 0.01");
        }
        if (ctx.hostCpuCount() > 0 && cpus > ctx.hostCpuCount()) {
            throw source.invalid("cpus", cpus + " is more than the " + ctx.hostCpuCount()
                    + " CPUs of the Docker host");
        }
        host.withNanoCPUs(Math.round(cpus * 1e9));
    }

    private static RestartPolicy restart(io.modelcompose.shared.config.docker.RestartPolicy policy) {
        return switch (policy) {
            case NO -> RestartPolicy.noRestart();
            case ALWAYS -> RestartPolicy.alwaysRestart();
            case ON_FAILURE -> RestartPolicy.onFailureRestart(0);
            case UNLESS_STOPPED -> RestartPolicy.unlessStoppedRestart();
        };
    }

    private static LogConfig logConfig(LoggingOptions logging, OptionSource source) {
        LogConfig.LoggingType type = LogConfig.LoggingType.fromValue(logging.driver());
        if (type == null) {
            List<String> known = Arrays.stream(LogConfig.LoggingType.values())
                    .map(LogConfig.LoggingType::getType).distinct().toList();
            throw source.invalid("logging", "unknown log driver '" + logging.driver() + "' (known: "
                    + String.join(", ", known) + ")");
        }
        return new LogConfig(type, logging.options().isEmpty() ? null : logging.options());
    }

    private static HealthCheck healthcheck(HealthcheckOptions options, OptionSource source) {
        if (options == null) {
            return null;
        }
        if (options.test().isEmpty()) {
            throw source.invalid("healthcheck", "test is empty");
        }
        List<String> test = new ArrayList<>(options.test());
        if (!HEALTH_TEST_KINDS.contains(test.get(0))) {
            test.add(0, "CMD");
        }
        HealthCheck check = new HealthCheck().withTest(test).withRetries(options.retries());
        check.withInterval(nanos(options.interval()));
        check.withTimeout(nanos(options.timeout()));
        check.withStartPeriod(nanos(options.startPeriod()));
        return check;
    }

    private static Long nanos(Duration duration) {
        return duration == null ? null : duration.toNanos();
    }
}
