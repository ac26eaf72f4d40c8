package io.modelcompose.scheduler;

import io.modelcompose.scheduler.engine.EngineCommand.CancelJob;
import io.modelcompose.scheduler.engine.EngineCommand.DispatchJob;
import io.modelcompose.scheduler.engine.EngineCommand.ScheduleTimer;
import io.modelcompose.scheduler.engine.RunCoordinator;
import io.modelcompose.scheduler.engine.RunOutcomeLog;
import io.modelcompose.shared.event.AttemptId;
import io.modelcompose.shared.event.ComposeEvent;
import io.modelcompose.shared.event.JobEvents.JobCancelRequested;
import io.modelcompose.shared.event.JobEvents.JobDispatched;
import io.modelcompose.shared.event.JobEvents.TimerFired;
import io.modelcompose.shared.event.RunEvents.RunFinished;
import io.modelcompose.shared.event.RunEvents.RunStarted;
import io.modelcompose.shared.event.RunEvents.RunState;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.SchedulerEvents.AttemptGranted;
import io.modelcompose.shared.event.SchedulerEvents.RunAdmitted;
import io.modelcompose.shared.event.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Carries out the coordinator's decisions over Kafka. A dispatch is written ahead: its {@link AttemptGranted} goes to
 * the runs topic and only once the broker has it does the {@code JobDispatched} go to the workers, so a scheduler
 * taking over knows every attempt that may be running. A run's start is written the same way ({@link RunAdmitted}).
 * While the log is replayed after a take-over the coordinator decides nothing, so nothing is dispatched; attempts the
 * log says were granted only get a lease ({@link #holding}), and an attempt whose worker is gone is dispatched again,
 * with a higher number, when that lease expires. Cancels are idempotent and always sent. Final states (RunState and
 * RunFinished) are written again, so that none is lost if the previous scheduler died before writing them.
 */
final class KafkaSchedulerOutput implements RunCoordinator.Output {
    private final SchedulerContext owner;
    private final Publisher producer;
    private final Topics topics;
    private final Clock clock;
    private final long leaseMillis;
    private final LeaseTable leases;
    private final Map<String, CompletableFuture<Void>> runCompletions = new HashMap<>();
    private final Consumer<Throwable> onPublishFailure;
    private final SchedulerMetrics metrics;
    private final String activation;
    private final Set<CompletableFuture<Void>> writingAhead = ConcurrentHashMap.newKeySet();
    private boolean replaying = true;

    KafkaSchedulerOutput(SchedulerContext owner, Publisher producer, Topics topics, Clock clock, long leaseMillis,
            LeaseTable leases, Consumer<Throwable> onPublishFailure, SchedulerMetrics metrics, String activation) {
        this.owner = owner;
        this.producer = producer;
        this.activation = activation;
        this.topics = topics;
        this.clock = clock;
        this.leaseMillis = leaseMillis;
        this.leases = leases;
        this.onPublishFailure = onPublishFailure;
        this.metrics = metrics;
    }

    /** The replay is over: finished runs are logged and counted from now on (the predecessor did before). */
    void live() {
        this.replaying = false;
    }

    /**
     * Completes when the (unfinished) run has finished and its final state is on the broker; input records of the run
     * are committed only then, so a take-over after a crash replays the run rather than losing its outcome.
     */
    CompletableFuture<Void> completion(String runId) {
        return runCompletions.computeIfAbsent(runId, id -> new CompletableFuture<>());
    }

    /**
     * The lease of an attempt: one lease for the first, two for the second, three from the third on. An attempt sent
     * again after a lost worker goes to the same partition, which the workers' group reassigns only after its session
     * timeout; with a single lease each re-sent attempt could lapse there unread until the job fails as lost.
     */
    static long leaseFor(long leaseMillis, int attempt) {
        return leaseMillis * Math.min(Math.max(attempt, 1), 3);
    }

    @Override
    public void dispatch(DispatchJob d) {
        long deadline = clock.millis() + leaseFor(leaseMillis, d.attempt());
        leases.grant(d.id(), deadline);
        JobDispatched job = new JobDispatched(1, d.runId(), d.workflowId(), d.jobKey(), d.jobId(), d.attempt(),
                d.componentRef(), d.actionId(), d.input(), d.context(), d.timeoutMillis(), deadline);
        CompletableFuture<Void> sent = new CompletableFuture<>();
        writingAhead.add(sent);
        sent.whenComplete((ok, error) -> writingAhead.remove(sent));
        publish(topics.runs(), new AttemptGranted(d.id(), d.componentRef(), activation)).whenComplete((ok, error) -> {
            if (error != null) {
                sent.complete(null); // not sent: its lease expires and it goes out again with a higher number
                return;
            }
            owner.run(() -> {
                metrics.dispatched(d);
                publish(topics.jobs(), job).whenComplete((done, failed) -> sent.complete(null));
            });
        });
    }

    /**
     * Waits (on a thread that may block, after inputs stopped) until every dispatch whose grant was written has been
     * sent too, so that a successor taking over after an orderly stop finds no granted attempt that never went out.
     */
    void awaitDispatchesWrittenAhead(Duration timeout) {
        try {
            CompletableFuture.allOf(writingAhead.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            onPublishFailure.accept(e);
        }
    }

    @Override
    public void holding(AttemptId attempt) {
        leases.grant(attempt, clock.millis() + leaseMillis);
    }

    @Override
    public void dispatchQueued(DispatchJob d) {
        metrics.dispatchQueued(d);
    }

    @Override
    public void cancel(CancelJob c) {
        publish(topics.jobControl(), new JobCancelRequested(c.id()));
    }

    @Override
    public void schedule(ScheduleTimer t) {
        long delay = Math.max(1, Duration.between(clock.instant(), t.dueAt()).toMillis());
        TimerFired fired = new TimerFired(t.id(), t.kind().name());
        owner.later(delay, () -> publish(topics.runs(), fired));
    }

    @Override
    public void runStarted(RunSnapshot snapshot) {
        publish(topics.runs(), new RunAdmitted(1, snapshot.runId(), activation));
        metrics.runStarted(snapshot);
        publish(topics.runState(), new RunState(snapshot));
        publish(topics.runEvents(), new RunStarted(snapshot.runId(), snapshot.workflowId(), clock.millis()));
    }

    /** Interrupted or resumed: the gateway reads the run's state from the run-state topic (written again on replay). */
    @Override
    public void runUpdated(RunSnapshot snapshot) {
        publish(topics.runState(), new RunState(snapshot));
    }

    @Override
    public void runFinished(RunSnapshot snapshot) {
        CompletableFuture<Void> published = finish(snapshot);
        CompletableFuture<Void> done = runCompletions.remove(snapshot.runId());
        if (done != null) {
            // Not completed when a send failed: the run's inputs stay uncommitted and the next take-over replays it.
            published.thenRun(() -> done.complete(null));
        }
    }

    /**
     * Publishes a finished run (its final state and its RunFinished event), logs and counts it unless replaying;
     * completes once both records are on the broker. Also used for a run refused before it started.
     */
    CompletableFuture<Void> finish(RunSnapshot snapshot) {
        CompletableFuture<?> state = publish(topics.runState(), new RunState(snapshot));
        CompletableFuture<?> event = publish(topics.runEvents(), new RunFinished(snapshot));
        if (!replaying) {
            RunOutcomeLog.finished(snapshot);
            metrics.runFinished(snapshot);
        }
        return CompletableFuture.allOf(state, event);
    }

    CompletableFuture<?> publish(String topic, ComposeEvent event) {
        return producer.send(topic, event).toCompletableFuture().whenComplete((ok, error) -> {
            if (error != null) {
                onPublishFailure.accept(error);
            }
        });
    }
}
