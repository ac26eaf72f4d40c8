package io.modelcompose.cli.up;

import io.micrometer.core.instrument.MeterRegistry;
import io.modelcompose.cli.metrics.Telemetry;
import io.modelcompose.gateway.GatewayOptions;
import io.modelcompose.gateway.GatewayVerticle;
import io.modelcompose.gateway.KafkaBackend;
import io.modelcompose.gateway.run.FinishedRunLimits;
import io.modelcompose.scheduler.SchedulerOptions;
import io.modelcompose.scheduler.SchedulerVerticle;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.transport.KafkaSettings;
import io.modelcompose.worker.WorkerOptions;
import io.modelcompose.worker.WorkerVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Deploys some or all roles as verticles of one Vert.x instance, against one Kafka cluster. */
public final class ServiceSet {
    /** The roles a process can run. */
    public enum Role { GATEWAY, SCHEDULER, WORKER }

    private final Vertx vertx;
    private final List<String> deployments = new CopyOnWriteArrayList<>();
    private GatewayVerticle gateway;
    private KafkaBackend backend;

    private ServiceSet(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Deploys the roles in order scheduler, worker, gateway, without metrics. */
    public static Future<ServiceSet> deploy(Vertx vertx, ComposeConfig config, Path projectDir, KafkaSettings kafka,
            Set<Role> roles, Tuning tuning) {
        return deploy(vertx, config, projectDir, kafka, roles, tuning, Telemetry.off());
    }

    /**
     * Deploys the roles (the gateway's HTTP side last), all publishing to the registry of {@code telemetry}
     * (the gateway also serves it at {@code /metrics}); the future fails if any role fails to start.
     */
    public static Future<ServiceSet> deploy(Vertx vertx, ComposeConfig config, Path projectDir, KafkaSettings kafka,
            Set<Role> roles, Tuning tuning, Telemetry telemetry) {
        ServiceSet set = new ServiceSet(vertx);
        MeterRegistry registry = telemetry.registry();
        // Scheduler, worker and the gateway's Kafka side start side by side (each mostly waits on the broker); the
        // HTTP listener opens last, so that /health answering means the whole set is up.
        List<Future<?>> starting = new ArrayList<>();
        if (roles.contains(Role.SCHEDULER)) {
            starting.add(set.deploy(new SchedulerVerticle(config,
                    new SchedulerOptions(kafka, tuning.leaseMillis(), 2_000), registry)));
        }
        if (roles.contains(Role.WORKER)) {
            WorkerOptions worker = new WorkerOptions(kafka, projectDir, tuning.maxConcurrentJobs(),
                    tuning.maxProcesses(), Math.max(500, tuning.leaseMillis() / 3));
            starting.add(set.deploy(new WorkerVerticle(config, worker, registry)));
        }
        if (roles.contains(Role.GATEWAY)) {
            set.backend = new KafkaBackend(vertx, kafka, tuning.maxPendingRuns(),
                    FinishedRunLimits.fromEnv(System.getenv()), registry);
            starting.add(set.backend.start());
        }
        Future<?> chain = Future.all(starting);
        if (roles.contains(Role.GATEWAY)) {
            chain = chain.compose(v -> {
                set.gateway = new GatewayVerticle(config, set.backend, GatewayOptions.defaults(),
                        telemetry.prometheus());
                return set.deploy(set.gateway);
            });
        }
        return chain.map(v -> set);
    }

    public static Set<Role> allRoles() {
        return EnumSet.allOf(Role.class);
    }

    private Future<Void> deploy(io.vertx.core.Deployable verticle) {
        return vertx.deployVerticle(verticle).map(id -> {
            deployments.add(id);
            return null;
        });
    }

    /** The gateway's port, or -1 when this set runs no gateway. */
    public int gatewayPort() {
        return gateway == null ? -1 : gateway.actualPort();
    }

    /** Stops accepting runs (503), then undeploys every role, gateway first. */
    public Future<Void> stop() {
        if (gateway != null) {
            gateway.beginShutdown();
        }
        Future<Void> chain = Future.succeededFuture();
        for (int i = deployments.size() - 1; i >= 0; i--) {
            String id = deployments.get(i);
            chain = chain.compose(v -> vertx.undeploy(id).otherwiseEmpty());
        }
        return chain.andThen(ar -> {
            if (backend != null) {
                backend.close();
            }
        });
    }

    /**
     * Knobs of a deployment.
     *
     * @param leaseMillis job lease without heartbeat
     * @param maxConcurrentJobs jobs one worker runs at once
     * @param maxProcesses shell processes one worker runs at once
     * @param maxPendingRuns runs waiting before the gateway answers 429
     */
    public record Tuning(long leaseMillis, int maxConcurrentJobs, int maxProcesses, long maxPendingRuns) {
        public static Tuning defaults() {
            return new Tuning(SchedulerOptions.DEFAULT_LEASE_MILLIS, 256, 32, 10_000);
        }
    }
}
