package io.modelcompose.cli.verify;

import io.modelcompose.cli.broker.EmbeddedBrokerProcess;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One verify run: the broker (embedded unless attached to {@code --kafka}), the set as processes, the runs submitted
 * at the planned rate while a second thread kills roles on the plan's schedule, then the wait for every accepted run
 * to end and the analysis of the ledger against the kills.
 */
public final class Verifier {
    private static final Duration BROKER_START = Duration.ofSeconds(120);
    private final VerifyOptions options;
    private final PrintWriter progress;

    public Verifier(VerifyOptions options, PrintWriter progress) {
        this.options = options;
        this.progress = progress;
    }

    public VerifyReport run() throws InterruptedException {
        long startNanos = System.nanoTime();
        EmbeddedBrokerProcess broker = options.kafka() == null ? EmbeddedBrokerProcess.start(
                options.dir().resolve(".compose").resolve("kafka"), EmbeddedBrokerProcess.locateLibDir(),
                BROKER_START) : null;
        try {
            String bootstrap = broker != null ? broker.bootstrapServers() : options.kafka();
            String prefix = "verify-" + UUID.randomUUID().toString().substring(0, 8);
            VerifyProject project = VerifyProject.write(options, bootstrap, prefix);
            say("project in %s, broker %s, topics %s-*", project.dir(), bootstrap, prefix);
            try (ChaosSet set = new ChaosSet(project, bootstrap, options.leaseMillis(), options.seed())) {
                set.start(options.workers());
                say("set up: 2 schedulers, 1 gateway on port %d, %d workers", project.port(), options.workers());
                return drive(project, set, startNanos);
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    private VerifyReport drive(VerifyProject project, ChaosSet set, long startNanos) throws InterruptedException {
        VerifyPlan plan = VerifyPlan.of(options);
        LoadDriver driver = new LoadDriver(project.port(), options.seed());
        List<KillEvent> kills = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<RuntimeException> killFailure = new AtomicReference<>();
        long firstSubmit = System.nanoTime();
        Thread killer = new Thread(() -> {
            try {
                runKills(plan, set, kills, firstSubmit);
            } catch (RuntimeException e) {
                killFailure.set(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "verify-kills");
        killer.start();
        long deadline = firstSubmit + TimeUnit.SECONDS.toNanos((long) options.windowSeconds()
                + options.timeoutSeconds());
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < options.runs(); i++) {
            sleepUntil(firstSubmit + (long) (i / options.rate() * 1e9));
            driver.submit(i, plan.jobSeconds().get(i), deadline).ifPresent(accepted::add);
            if ((i + 1) % 100 == 0) {
                say("submitted %d of %d", i + 1, options.runs());
            }
        }
        killer.join();
        if (killFailure.get() != null) {
            throw killFailure.get();
        }
        say("all %d accepted; waiting for them to end", accepted.size());
        Map<String, String> states = driver.awaitStates(accepted, System.nanoTime()
                + TimeUnit.SECONDS.toNanos(options.timeoutSeconds()));
        return report(project, accepted, states, List.copyOf(kills), startNanos);
    }

    private void runKills(VerifyPlan plan, ChaosSet set, List<KillEvent> kills, long firstSubmit)
            throws InterruptedException {
        for (VerifyPlan.Kill kill : plan.kills()) {
            sleepUntil(firstSubmit + TimeUnit.MILLISECONDS.toNanos(kill.afterMillis()));
            KillEvent event = set.kill(kill.role());
            kills.add(event);
            say("killed %s pid %d (%d s in); replaced", event.role(), event.pid(),
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - firstSubmit));
        }
    }

    private VerifyReport report(VerifyProject project, List<String> accepted, Map<String, String> states,
            List<KillEvent> kills, long startNanos) {
        List<Execution> executions = project.executions();
        LedgerAnalysis analysis = new LedgerAnalysis(executions, kills, System.currentTimeMillis());
        int completed = (int) states.values().stream().filter("completed"::equals).count();
        List<String> lost = accepted.stream().filter(id -> !states.containsKey(id)).toList();
        Map<String, Integer> killCounts = new TreeMap<>();
        kills.forEach(k -> killCounts.merge(k.role(), 1, Integer::sum));
        return new VerifyReport(accepted.size(), completed, states.size() - completed, lost, executions.size(),
                analysis.duplicates(), List.of(
                        analysis.jobPeak("component " + VerifyProject.LIMITED_COMPONENT, options.componentLimit(),
                                VerifyProject.LIMITED_JOBS),
                        analysis.runPeak("controller", options.controllerLimit())),
                analysis.recoveries(), killCounts, options.leaseMillis(), (System.nanoTime() - startNanos) / 1e9);
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private void say(String format, Object... args) {
        progress.printf("verify: " + format + "%n", args);
        progress.flush();
    }

    static ComposeException failure(String message) {
        return new ComposeException(ErrorCode.UNAVAILABLE, message);
    }
}
