package io.modelcompose.cli.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The set under test as processes: two schedulers, a gateway and N workers, each {@code compose-cli serve ROLE}
 * against one broker. A kill SIGKILLs one (with the jobs it runs), records when it was dead and starts a
 * replacement, so the set keeps its shape.
 */
final class ChaosSet implements AutoCloseable {
    private static final long START_SECONDS = 120;
    private final VerifyProject project;
    private final String bootstrapServers;
    private final long leaseMillis;
    private final SplittableRandom random;
    private final AtomicInteger instances = new AtomicInteger();
    private final List<ServedRole> schedulers = new ArrayList<>();
    private final List<ServedRole> workers = new ArrayList<>();
    private ServedRole gateway;

    ChaosSet(VerifyProject project, String bootstrapServers, long leaseMillis, long seed) {
        this.project = project;
        this.bootstrapServers = bootstrapServers;
        this.leaseMillis = leaseMillis;
        this.random = new SplittableRandom(seed);
    }

    /** Starts every role and waits until each has deployed and one scheduler is active. */
    void start(int workerCount) throws InterruptedException {
        schedulers.add(serve(KillEvent.SCHEDULER));
        awaitActive();
        schedulers.add(serve(KillEvent.SCHEDULER));
        for (int i = 0; i < workerCount; i++) {
            workers.add(serve(KillEvent.WORKER));
        }
        gateway = serve(KillEvent.GATEWAY);
        for (ServedRole role : all()) {
            role.awaitUp(START_SECONDS);
        }
    }

    /** Kills a worker that is running a job (any worker when none is), then starts another. */
    KillEvent killWorker() throws InterruptedException {
        Set<Long> busy = project.executions().stream().filter(e -> !e.finished()).map(Execution::workerPid)
                .collect(Collectors.toSet());
        List<ServedRole> candidates = workers.stream().filter(w -> busy.contains(w.pid())).toList();
        List<ServedRole> pool = candidates.isEmpty() ? workers : candidates;
        ServedRole victim = pool.get(random.nextInt(pool.size()));
        KillEvent event = new KillEvent(KillEvent.WORKER, victim.pid(), victim.kill());
        workers.remove(victim);
        workers.add(serve(KillEvent.WORKER).awaitUp(START_SECONDS));
        return event;
    }

    /** Kills the active scheduler, starts a standby in its place and waits until one is active again. */
    KillEvent killActiveScheduler() throws InterruptedException {
        ServedRole victim = awaitActive();
        KillEvent event = new KillEvent(KillEvent.SCHEDULER, victim.pid(), victim.kill());
        schedulers.remove(victim);
        schedulers.add(serve(KillEvent.SCHEDULER).awaitUp(START_SECONDS));
        awaitActive();
        return event;
    }

    /** Kills the gateway and starts another on the same port. */
    KillEvent killGateway() throws InterruptedException {
        ServedRole victim = gateway;
        KillEvent event = new KillEvent(KillEvent.GATEWAY, victim.pid(), victim.kill());
        gateway = serve(KillEvent.GATEWAY).awaitUp(START_SECONDS);
        return event;
    }

    KillEvent kill(String role) throws InterruptedException {
        return switch (role) {
            case KillEvent.WORKER -> killWorker();
            case KillEvent.SCHEDULER -> killActiveScheduler();
            default -> killGateway();
        };
    }

    private ServedRole awaitActive() throws InterruptedException {
        long deadline = System.nanoTime() + START_SECONDS * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (schedulers.stream().noneMatch(ServedRole::isAlive)) {
                throw Verifier.failure("every scheduler exited (see " + schedulers.get(0).log() + ")");
            }
            for (ServedRole scheduler : schedulers) {
                if (scheduler.claimsActive()) {
                    return scheduler;
                }
            }
            Thread.sleep(20);
        }
        throw Verifier.failure(
                "no scheduler became active within " + START_SECONDS + " s (see the scheduler logs in "
                + project.dir() + ")");
    }

    private ServedRole serve(String role) {
        return ServedRole.start(project.dir(), role, role + "-" + instances.incrementAndGet(), bootstrapServers,
                leaseMillis);
    }

    private List<ServedRole> all() {
        List<ServedRole> all = new ArrayList<>(schedulers);
        all.addAll(workers);
        all.add(gateway);
        return all;
    }

    /** Stops every role gracefully, in parallel. */
    @Override
    public void close() throws InterruptedException {
        List<Thread> stops = new ArrayList<>();
        for (ServedRole role : all()) {
            if (role != null) {
                Thread stop = new Thread(() -> {
                    try {
                        role.stop();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "verify-stop-" + role.name());
                stop.start();
                stops.add(stop);
            }
        }
        for (Thread stop : stops) {
            stop.join();
        }
    }
}
