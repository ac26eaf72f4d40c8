package io.modelcompose.scheduler.service;

import io.modelcompose.scheduler.engine.EngineCommand.TimerKind;
import io.modelcompose.scheduler.engine.RunCoordinator;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.event.ComposeEvent;
import io.modelcompose.shared.event.JobEvents.JobFinished;
import io.modelcompose.shared.event.JobEvents.JobHeartbeat;
import io.modelcompose.shared.event.JobEvents.LeaseExpired;
import io.modelcompose.shared.event.JobEvents.TimerFired;
import io.modelcompose.shared.event.ResultSources;
import io.modelcompose.shared.event.RunEvents.RunCancelRequested;
import io.modelcompose.shared.event.RunEvents.RunRequested;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.RunStatus;
import io.modelcompose.shared.event.Topics;
import io.modelcompose.transport.ConsumerLoop;
import io.modelcompose.transport.EventProducer;
import io.modelcompose.transport.KafkaSettings;
import io.modelcompose.transport.RecordPosition;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of the active scheduler: replays the runs topic from the committed watermark (the first input of the
 * oldest unfinished run), then applies inputs live. An input record is committed once its run has finished, so a
 * new active scheduler rebuilds exactly the unfinished runs. Each commit also records how far inputs were applied
 * ({@code applied=<offset>}): inputs before that mark are replayed without side effects, later ones (never seen by
 * the previous scheduler, e.g. runs requested while none was active) are handled live. All coordinator calls happen
 * on the verticle's context.
 */
final class ActiveScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ActiveScheduler.class);
    private static final long SWEEP_MILLIS = 250;
    private static final String APPLIED = "applied=";
    private final Vertx vertx;
    private final Context context;
    private final SchedulerOptions options;
    private final Clock clock;
    private final LeaseTable leases = new LeaseTable();
    private final KafkaSchedulerOutput output;
    private final RunCoordinator coordinator;
    private final EventProducer producer;
    private final SchedulerMetrics metrics;
    private volatile Map<String, Long> replayEnds = Map.of();
    private final Map<String, Long> applied = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private ConsumerLoop runsLoop;
    private ConsumerLoop leasesLoop;
    private long sweepTimer = -1;

    ActiveScheduler(Vertx vertx, Context context, ComposeConfig config, SchedulerOptions options,
            EventProducer producer, Clock clock, SchedulerMetrics metrics) {
        this.vertx = vertx;
        this.metrics = metrics;
        this.context = context;
        this.options = options;
        this.clock = clock;
        this.producer = producer;
        this.output = new KafkaSchedulerOutput(vertx, producer, options.kafka().topics(), clock, options.leaseMillis(),
                leases, e -> LOG.error("publishing failed: {}", e.toString()), metrics);
        this.coordinator = new RunCoordinator(config, clock, output);
    }

    void start() {
        KafkaSettings kafka = options.kafka();
        Topics topics = kafka.topics();
        runsLoop = SchedulerVerticle.loop(kafka, "scheduler-runs")
                .assignAllCommitted(SchedulerVerticle.inputGroup(topics), List.of(topics.runs()))
                .onCommitted(this::inheritAppliedMarks)
                .commitMetadata(partition -> {
                    Long mark = applied.get(partition);
                    return mark == null ? null : APPLIED + mark;
                })
                .deadLetters(producer, topics.deadLetter())
                .maxInFlight(1_000_000)
                .meterRegistry(metrics.clientRegistry())
                .handler(this::onInput)
                .build().start();
        leasesLoop = SchedulerVerticle.loop(kafka, "scheduler-leases")
                .assignAll(List.of(topics.leases()), false)
                .deadLetters(producer, topics.deadLetter())
                .meterRegistry(metrics.clientRegistry())
                .handler(this::onHeartbeat)
                .build().start();
        sweepTimer = vertx.setPeriodic(SWEEP_MILLIS, id -> sweep());
    }

    /** The marks committed by the previous active scheduler: how far it had applied each partition. */
    private void inheritAppliedMarks(Map<String, String> committed) {
        Map<String, Long> marks = new HashMap<>();
        committed.forEach((partition, metadata) -> {
            if (metadata != null && metadata.startsWith(APPLIED)) {
                try {
                    marks.put(partition, Long.parseLong(metadata.substring(APPLIED.length())));
                } catch (NumberFormatException e) {
                    LOG.warn("ignoring commit metadata '{}' of {}", metadata, partition);
                }
            }
        });
        applied.putAll(marks);
        replayEnds = Map.copyOf(marks);
    }

    private CompletionStage<?> onInput(ComposeEvent event, RecordPosition position) {
        if (event.key() == null || event.key().isBlank()) {
            return CompletableFuture.failedFuture(new ComposeException(ErrorCode.BAD_REQUEST,
                    event.getClass().getSimpleName() + " without a run id"));
        }
        CompletableFuture<Void> committed = new CompletableFuture<>();
        String partition = position.topic() + "-" + position.partition();
        boolean replay = position.offset() < replayEnds.getOrDefault(partition, 0L);
        context.runOnContext(v -> {
            if (closed) {
                return;
            }
            output.replaying(replay);
            CompletableFuture<?> published;
            try {
                published = apply(event);
            } catch (RuntimeException e) {
                committed.completeExceptionally(e);
                return;
            } finally {
                output.replaying(false);
                applied.merge(partition, position.offset() + 1, Math::max);
            }
            String runId = event.key();
            if (coordinator.isUnfinished(runId)) {
                output.completion(runId).whenComplete((ok, error) -> committed.complete(null));
            } else {
                published.thenRun(() -> committed.complete(null));
            }
        });
        return committed;
    }

    /** The kind of a timer record; an unknown one is a bad record (BAD_REQUEST: it goes to the dead-letter topic). */
    static TimerKind timerKind(String kind) {
        for (TimerKind known : TimerKind.values()) {
            if (known.name().equals(kind)) {
                return known;
            }
        }
        throw new ComposeException(ErrorCode.BAD_REQUEST, "TimerFired with an unknown kind '" + kind + "'");
    }

    /** Applies one input; answers what must reach the broker before the input may be committed. */
    private CompletableFuture<?> apply(ComposeEvent event) {
        if (event instanceof RunRequested r) {
            return submit(r);
        }
        if (event instanceof RunCancelRequested c) {
            try {
                coordinator.cancel(c.runId());
            } catch (ComposeException e) {
                LOG.debug("[run {}] cancel ignored: {}", c.runId(), e.getMessage());
            }
        } else if (event instanceof JobFinished f) {
            leases.drop(new LeaseTable.Lease(f.runId(), f.jobKey(), f.attempt()));
            if (f.succeeded()) {
                coordinator.jobSucceeded(f.runId(), f.jobKey(), f.attempt(), f.output(),
                        f.sources() == null ? Map.of() : ResultSources.expand(f.output(), f.sources()));
            } else {
                coordinator.jobFailed(f.runId(), f.jobKey(), f.attempt(), f.error());
            }
        } else if (event instanceof TimerFired t) {
            coordinator.timerDue(t.runId(), t.jobKey(), t.attempt(), timerKind(t.kind()));
        } else if (event instanceof LeaseExpired l) {
            LOG.warn("[run {}] [job {}] attempt {} lost its worker (lease expired); dispatching again", l.runId(),
                    l.jobKey(), l.attempt());
            coordinator.leaseExpired(l.runId(), l.jobKey(), l.attempt());
        } else {
            LOG.debug("ignoring {} on the runs topic", event.getClass().getSimpleName());
        }
        return CompletableFuture.completedFuture(null);
    }

    private CompletableFuture<?> submit(RunRequested r) {
        try {
            coordinator.submit(r.runId(), r.workflowId(), r.input(), r.metadata());
            return CompletableFuture.completedFuture(null);
        } catch (ComposeException e) {
            RunSnapshot failed = RunSnapshot.pending(r.runId(), r.workflowId(), r.metadata(), r.requestedAtMillis())
                    .finished(RunStatus.FAILED, null, e.getMessage(), clock.millis());
            return output.finish(failed);
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
        metrics.sample(coordinator);
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
