package io.modelcompose.scheduler.service;

import io.modelcompose.scheduler.engine.EngineCommand.CancelJob;
import io.modelcompose.scheduler.engine.EngineCommand.DispatchJob;
import io.modelcompose.scheduler.engine.EngineCommand.ScheduleTimer;
import io.modelcompose.scheduler.engine.RunCoordinator;
import io.modelcompose.scheduler.engine.RunOutcomeLog;
import io.modelcompose.shared.event.ComposeEvent;
import io.modelcompose.shared.event.JobEvents.JobCancelRequested;
import io.modelcompose.shared.event.JobEvents.JobDispatched;
import io.modelcompose.shared.event.JobEvents.TimerFired;
import io.modelcompose.shared.event.RunEvents.RunFinished;
import io.modelcompose.shared.event.RunEvents.RunStarted;
import io.modelcompose.shared.event.RunEvents.RunState;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.Topics;
import io.modelcompose.transport.EventProducer;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Carries out the coordinator's decisions over Kafka. While the input log is being replayed after a take-over, side
 * effects that already happened before (dispatches, cancels, RunStarted) are not repeated; dispatches only get a
 * lease, so an attempt whose worker is gone is re-dispatched when that lease expires. Final states (RunState and
 * RunFinished) are written again, so that none is lost if the previous scheduler died before writing them.
 */
final class KafkaSchedulerOutput implements RunCoordinator.Output {
    private final Vertx vertx;
    private final EventProducer producer;
    private final Topics topics;
    private final Clock clock;
    private final long leaseMillis;
    private final LeaseTable leases;
    private final Map<String, CompletableFuture<Void>> runCompletions = new HashMap<>();
    private final Consumer<Throwable> onPublishFailure;
    private final SchedulerMetrics metrics;
    private boolean replaying;

    KafkaSchedulerOutput(Vertx vertx, EventProducer producer, Topics topics, Clock clock, long leaseMillis,
            LeaseTable leases, Consumer<Throwable> onPublishFailure, SchedulerMetrics metrics) {
        this.vertx = vertx;
        this.producer = producer;
        this.topics = topics;
        this.clock = clock;
        this.leaseMillis = leaseMillis;
        this.leases = leases;
        this.onPublishFailure = onPublishFailure;
        this.metrics = metrics;
    }

    void replaying(boolean value) {
        this.replaying = value;
    }

    /**
     * Completes when the (unfinished) run has finished and its final state is on the broker; input records of the run
     * are committed only then, so a take-over after a crash replays the run rather than losing its outcome.
     */
    CompletableFuture<Void> completion(String runId) {
        return runCompletions.computeIfAbsent(runId, id -> new CompletableFuture<>());
    }

    @Override
    public void dispatch(DispatchJob d) {
        long deadline = clock.millis() + leaseMillis;
        leases.grant(new LeaseTable.Lease(d.runId(), d.jobKey(), d.attempt()), deadline);
        if (!replaying) {
            metrics.dispatched(d);
            publish(topics.jobs(), new JobDispatched(1, d.runId(), d.workflowId(), d.jobKey(), d.jobId(), d.attempt(),
                    d.componentRef(), d.actionId(), d.input(), d.context(), d.timeoutMillis(), deadline));
        }
    }

    @Override
    public void dispatchQueued(DispatchJob d) {
        if (!replaying) {
            metrics.dispatchQueued(d);
        }
    }

    @Override
    public void cancel(CancelJob c) {
        if (!replaying) {
            publish(topics.jobControl(), new JobCancelRequested(1, c.runId(), c.jobKey(), c.attempt()));
        }
    }

    @Override
    public void schedule(ScheduleTimer t) {
        long delay = Math.max(1, Duration.between(clock.instant(), t.dueAt()).toMillis());
        TimerFired fired = new TimerFired(1, t.runId(), t.jobKey(), t.attempt(), t.kind().name());
        vertx.setTimer(delay, id -> publish(topics.runs(), fired));
    }

    @Override
    public void runStarted(RunSnapshot snapshot) {
        if (!replaying) {
            metrics.runStarted(snapshot);
            publish(topics.runState(), new RunState(snapshot));
            publish(topics.runEvents(), new RunStarted(snapshot.runId(), snapshot.workflowId(), clock.millis()));
        }
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
        return producer.send(topic, event).whenComplete((ok, error) -> {
            if (error != null) {
                onPublishFailure.accept(error);
            }
        });
    }
}
