package io.modelcompose.systemtests;

import io.modelcompose.cli.up.ServiceSet;
import io.modelcompose.scheduler.SchedulerOptions;
import io.modelcompose.scheduler.SchedulerVerticle;
import io.modelcompose.shared.config.ComposeConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Roles deployed as verticles of one Vert.x instance in the test JVM; everything is stopped on close. */
final class InJvmRoles implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 60;
    private final Vertx vertx = Vertx.vertx();
    private final List<ServiceSet> sets = new ArrayList<>();
    private final Map<SchedulerVerticle, String> schedulers = new HashMap<>();

    /** Deploys these roles through {@link ServiceSet}, as {@code up} and {@code serve} do. */
    ServiceSet deploy(ItProject project, ComposeConfig config, long leaseMillis, ServiceSet.Role... roles) {
        ServiceSet.Tuning defaults = ServiceSet.Tuning.defaults();
        ServiceSet.Tuning tuning = new ServiceSet.Tuning(leaseMillis, defaults.maxConcurrentJobs(),
                defaults.maxProcesses(), defaults.maxPendingRuns());
        ServiceSet set = await(ServiceSet.deploy(vertx, config, project.dir(), project.kafka(),
                EnumSet.of(roles[0], roles), tuning));
        sets.add(set);
        return set;
    }

    /** Stops a set deployed here (its gateway first). */
    void stop(ServiceSet set) {
        if (sets.remove(set)) {
            await(set.stop());
        }
    }

    /** Deploys a scheduler instance on its own, so that the test can ask whether it is the active one. */
    SchedulerVerticle startScheduler(ItProject project, ComposeConfig config, long leaseMillis) {
        SchedulerVerticle scheduler = new SchedulerVerticle(config,
                new SchedulerOptions(project.kafka(), leaseMillis, 1_000));
        schedulers.put(scheduler, await(vertx.deployVerticle(scheduler)));
        return scheduler;
    }

    /** Undeploys a scheduler started with {@link #startScheduler}. */
    void stopScheduler(SchedulerVerticle scheduler) {
        String id = schedulers.remove(scheduler);
        if (id != null) {
            await(vertx.undeploy(id));
        }
    }

    @Override
    public void close() {
        try {
            for (ServiceSet set : List.copyOf(sets)) {
                stop(set);
            }
            for (SchedulerVerticle scheduler : List.copyOf(schedulers.keySet())) {
                stopScheduler(scheduler);
            }
        } finally {
            await(vertx.close());
        }
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Vert.x call did not complete: " + e, e);
        }
    }
}
