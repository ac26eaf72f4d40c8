package io.modelcompose.scheduler.service;

import io.modelcompose.scheduler.engine.EngineCommand.TimerKind;
import io.modelcompose.scheduler.engine.RunCoordinator;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.event.ComposeEvent;
import io.modelcompose.shared.event.JobEvents.JobFinished;
import io.modelcompose.shared.event.JobEvents.JobHeartbeat;
import io.modelcompose.shared.event.JobEvents.LeaseExpired;
import io.modelcompose.shared.event.JobEvents.TimerFired;
import io.modelcompose.shared.event.RunEvents.RunCancelRequested;
import io.modelcompose.shared.event.RunEvents.RunFinished;
import io.modelcompose.shared.event.RunEvents.RunRequested;
import io.modelcompose.shared.event.RunEvents.RunState;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.RunStatus;
import io.modelcompose.shared.event.Topics;
import io.modelcompose.shared.transport.ConsumerLoop;
import io.modelcompose.shared.transport.EventProducer;
import io.modelcompose.shared.transport.KafkaSettings;
import io.modelcompose.shared.transport.RecordPosition;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of the active scheduler: replays the runs topic from the committed watermark (the first input of the
 * oldest unfinished run), then applies inputs live. An input record is committed once its run has finished, so a
 * new active scheduler rebuilds exactly the unfinished runs. All coordinator calls happen on the verticle's context.
 */
final class ActiveScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ActiveScheduler.class);
    private static final long SWEEP_MILLIS = 250;
    private final Vertx vertx;
    private final Context context;
    private final SchedulerOptions options;
    private final Clock clock;
    private final LeaseTable leases = new LeaseTable();
    private final KafkaSchedulerOutput output;
    private final RunCoordinator coordinator;
    private final EventProducer producer;
    private volatile Map<String, Long> replayEnds = Map.of();
    private volatile boolean closed;
    private ConsumerLoop runsLoop;
    private ConsumerLoop leasesLoop;
    private long sweepTimer = -1;

    ActiveScheduler(Vertx vertx, Context context, ComposeConfig config, SchedulerOptions options,
            EventProducer producer, Clock clock) {
        this.vertx = vertx;
        this.context = context;
        this.options = options;
        this.clock = clock;
        this.producer = producer;
        this.output = new KafkaSchedulerOutput(vertx, producer, options.kafka().topics(), clock, options.leaseMillis(),
                leases, e -> LOG.error("publishing failed: {}", e.toString()));
        this.coordinator = new RunCoordinator(config, clock, output);
    }

    void start() {
        KafkaSettings kafka = options.kafka();
        Topics topics = kafka.topics();
        runsLoop = SchedulerVerticle.loop(kafka, "scheduler-runs")
                .assignAllCommitted(SchedulerVerticle.inputGroup(topics), List.of(topics.runs()))
                .onEndOffsets(ends -> replayEnds = Map.copyOf(ends))
                .deadLetters(producer, topics.deadLetter())
                .maxInFlight(1_000_000)
                .handler(this::onInput)
                .build().start();
        leasesLoop = SchedulerVerticle.loop(kafka, "scheduler-leases")
                .assignAll(List.of(topics.leases()), false)
                .deadLetters(producer, topics.deadLetter())
                .handler(this::onHeartbeat)
                .build().start();
        sweepTimer = vertx.setPeriodic(SWEEP_MILLIS, id -> sweep());
    }

    private CompletionStage<?> onInput(ComposeEvent event, RecordPosition position) {
        CompletableFuture<Void> committed = new CompletableFuture<>();
        boolean replay = position.offset() < replayEnds.getOrDefault(position.topic() + "-" + position.partition(), 0L);
        context.runOnContext(v -> {
            if (closed) {
                return;
            }
            output.replaying(replay);
            try {
                apply(event);
            } finally {
                output.replaying(false);
            }
            String runId = event.key();
            if (coordinator.isUnfinished(runId)) {
                output.completion(runId).whenComplete((ok, error) -> committed.complete(null));
            } else {
                committed.complete(null);
            }
        });
        return committed;
    }

    private void apply(ComposeEvent event) {
        if (event instanceof RunRequested r) {
            submit(r);
        } else if (event instanceof RunCancelRequested c) {
            try {
                coordinator.cancel(c.runId());
            } catch (ComposeException e) {
                LOG.debug("[run {}] cancel ignored: {}", c.runId(), e.getMessage());
            }
        } else if (event instanceof JobFinished f) {
            leases.drop(new LeaseTable.Lease(f.runId(), f.jobKey(), f.attempt()));
            if (f.succeeded()) {
                coordinator.jobSucceeded(f.runId(), f.jobKey(), f.attempt(), f.output(),
                        f.sources() == null ? Map.of() : f.sources());
            } else {
                coordinator.jobFailed(f.runId(), f.jobKey(), f.attempt(), f.error());
            }
        } else if (event instanceof TimerFired t) {
            coordinator.timerDue(t.runId(), t.jobKey(), t.attempt(), TimerKind.valueOf(t.kind()));
        } else if (event instanceof LeaseExpired l) {
            LOG.warn("[run {}] [job {}] attempt {} lost its worker (lease expired); dispatching again", l.runId(),
                    l.jobKey(), l.attempt());
            coordinator.leaseExpired(l.runId(), l.jobKey(), l.attempt());
        } else {
            LOG.debug("ignoring {} on the runs topic", event.getClass().getSimpleName());
        }
    }

    private void submit(RunRequested r) {
        try {
            coordinator.submit(r.runId(), r.workflowId(), r.input(), r.metadata());
        } catch (ComposeException e) {
            RunSnapshot failed = RunSnapshot.pending(r.runId(), r.workflowId(), r.metadata(), r.requestedAtMillis())
                    .finished(RunStatus.FAILED, null, e.getMessage(), clock.millis());
            output.publish(options.kafka().topics().runState(), new RunState(failed));
            output.publish(options.kafka().topics().runEvents(), new RunFinished(failed));
        }
    }

    private CompletionStage<?> onHeartbeat(ComposeEvent event, RecordPosition position) {
        if (event instanceof JobHeartbeat h) {
            long deadline = clock.millis() + options.leaseMillis();
            context.runOnContext(v -> leases.extend(new LeaseTable.Lease(h.runId(), h.jobKey(), h.attempt()), deadline));
        }
        return CompletableFuture.completedFuture(null);
    }

    private void sweep() {
        if (closed) {
            return;
        }
        for (LeaseTable.Lease lease : leases.expire(clock.millis())) {
            if (coordinator.isUnfinished(lease.runId())) {
                output.publish(options.kafka().topics().runs(),
                        new LeaseExpired(1, lease.runId(), lease.jobKey(), lease.attempt()));
            }
        }
    }

    RunCoordinator coordinator() {
        return coordinator;
    }

    @Override
    public void close() {
        closed = true;
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
        }
        if (runsLoop != null) {
            runsLoop.close();
        }
        if (leasesLoop != null) {
            leasesLoop.close();
        }
    }
}
