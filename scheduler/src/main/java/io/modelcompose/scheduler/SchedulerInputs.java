package io.modelcompose.scheduler;

import io.modelcompose.scheduler.engine.EngineCommand.TimerKind;
import io.modelcompose.scheduler.engine.RunCoordinator;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.event.AttemptId;
import io.modelcompose.shared.event.ComposeEvent;
import io.modelcompose.shared.event.JobEvents.JobFinished;
import io.modelcompose.shared.event.JobEvents.LeaseExpired;
import io.modelcompose.shared.event.JobEvents.TimerFired;
import io.modelcompose.shared.event.ResultSources;
import io.modelcompose.shared.event.RunEvents.RunCancelRequested;
import io.modelcompose.shared.event.RunEvents.RunResumeRequested;
import io.modelcompose.shared.event.RunEvents.RunRequested;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.RunStatus;
import io.modelcompose.shared.event.SchedulerEvents.AttemptGranted;
import io.modelcompose.shared.event.SchedulerEvents.ReplayMarker;
import io.modelcompose.shared.event.SchedulerEvents.RunAdmitted;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the records of the runs topic to the coordinator, on the scheduler's own thread, and says when each may be
 * committed: an input of an unfinished run only once the run has finished, so a take-over rebuilds exactly the
 * unfinished runs. Until the {@link ReplayPhase} is over the coordinator follows the decisions in the log; the
 * decisions this activation wrote itself come back as inputs too and are skipped, since they were applied already.
 */
final class SchedulerInputs {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerInputs.class);
    private final RunCoordinator coordinator;
    private final KafkaSchedulerOutput output;
    private final LeaseTable leases;
    private final ReplayPhase replay;
    private final Clock clock;
    private final String runsTopic;
    private final long activatedAtMillis;
    private final SchedulerContext owner;
    private final DispatchCheck dispatchCheck;
    private final ComposeConfig config;
    /** Attempts a predecessor granted that have not ended yet: maybe never sent, if it died in between. */
    private final Set<AttemptId> inherited = new HashSet<>();

    SchedulerInputs(ComposeConfig config, RunCoordinator coordinator, KafkaSchedulerOutput output, LeaseTable leases,
            ReplayPhase replay, Clock clock, String runsTopic, SchedulerContext owner, DispatchCheck dispatchCheck) {
        this.config = config;
        this.owner = owner;
        this.dispatchCheck = dispatchCheck;
        this.coordinator = coordinator;
        this.output = output;
        this.leases = leases;
        this.replay = replay;
        this.clock = clock;
        this.runsTopic = runsTopic;
        this.activatedAtMillis = clock.millis();
    }

    /** The runs topic is assigned (before any record is read): writes this activation's marker into each partition. */
    void beginReplay(int partitionCount) {
        List<ReplayMarker> markers = ReplayMarkers.forPartitions(replay.activation(), partitionCount);
        replay.markersWritten(markers.stream().map(ReplayMarker::partition).toList());
        markers.forEach(m -> output.publish(runsTopic, m));
    }

    /** Expired leases go to the runs topic, also for finished runs: the expiry frees the attempt's slot. */
    void expireLeases(long nowMillis) {
        for (LeaseTable.Expiry lease : leases.expire(nowMillis)) {
            output.publish(runsTopic, new LeaseExpired(lease.attempt(), lease.pickedUp()));
        }
    }

    /**
     * Applies one record; answers when it may be committed.
     *
     * @throws ComposeException BAD_REQUEST for a record without a run id (it goes to the dead-letter topic)
     */
    CompletableFuture<?> apply(ComposeEvent event) {
        if (event instanceof ReplayMarker marker) {
            if (replay.markerRead(marker)) {
                goLive();
            }
            return CompletableFuture.completedFuture(null);
        }
        if (event.key() == null || event.key().isBlank()) {
            throw new ComposeException(ErrorCode.BAD_REQUEST, event.getClass().getSimpleName() + " without a run id");
        }
        CompletableFuture<?> published = handle(event);
        String runId = event.key();
        return coordinator.isUnfinished(runId) ? output.completion(runId) : published;
    }

    private void goLive() {
        output.live();
        coordinator.decideFromNowOn();
        LOG.info("replay done {} ms after taking over; deciding live", clock.millis() - activatedAtMillis);
        Set<AttemptId> granted = Set.copyOf(inherited);
        if (!granted.isEmpty()) {
            dispatchCheck.sent(granted).whenComplete((sent, error) -> owner.run(() -> {
                if (error != null) {
                    LOG.warn("could not check the dispatches of the previous scheduler ({}); their leases decide",
                            error.toString());
                } else {
                    granted.stream().filter(a -> !sent.contains(a) && inherited.contains(a)).forEach(this::neverSent);
                }
            }));
        }
    }

    /** Granted by a predecessor that died before sending it: lost now, not when its lease would have expired. */
    private void neverSent(AttemptId attempt) {
        LOG.warn("[run {}] [job {}] attempt {} was granted but never sent by the previous scheduler; dispatching "
                + "again", attempt.runId(), attempt.jobKey(), attempt.attempt());
        inherited.remove(attempt);
        leases.drop(attempt);
        output.publish(runsTopic, new LeaseExpired(attempt));
    }

    /** Applies one input; answers what must reach the broker before the input may be committed. */
    private CompletableFuture<?> handle(ComposeEvent event) {
        if (event instanceof RunRequested r) {
            return submit(r);
        }
        if (event instanceof RunCancelRequested c) {
            cancel(c.runId());
        } else if (event instanceof RunResumeRequested r) {
            coordinator.resume(r.runId(), r.jobId(), r.answer());
        } else if (event instanceof JobFinished f) {
            inherited.remove(f.attemptId());
            leases.drop(f.attemptId());
            if (f.succeeded()) {
                coordinator.jobSucceeded(f.attemptId(), f.output(),
                        f.sources() == null ? Map.of() : ResultSources.expand(f.output(), f.sources()));
            } else {
                coordinator.jobFailed(f.attemptId(), f.error());
            }
        } else if (event instanceof TimerFired t) {
            coordinator.timerDue(t.attemptId(), timerKind(t.kind()));
        } else if (event instanceof LeaseExpired l) {
            LOG.warn("[run {}] [job {}] attempt {} lost its worker (lease expired); dispatching again", l.runId(),
                    l.jobKey(), l.attempt());
            inherited.remove(l.attemptId());
            coordinator.leaseExpired(l.attemptId(), l.pickedUp());
        } else if (event instanceof AttemptGranted g) {
            if (!replay.isOwn(g.scheduler())) {
                inherited.add(g.attemptId());
                coordinator.slotGranted(g.attemptId(), g.componentRef());
            }
        } else if (event instanceof RunAdmitted a) {
            if (!replay.isOwn(a.scheduler())) {
                coordinator.runAdmitted(a.runId());
            }
        } else {
            LOG.debug("ignoring {} on the runs topic", event.getClass().getSimpleName());
        }
        return CompletableFuture.completedFuture(null);
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

    private void cancel(String runId) {
        try {
            coordinator.cancel(runId);
        } catch (ComposeException e) {
            LOG.debug("[run {}] cancel ignored: {}", runId, e.getMessage());
        }
    }

    private CompletableFuture<?> submit(RunRequested r) {
        try {
            config.servedWorkflow(r.workflowId());
            coordinator.submit(r.runId(), r.workflowId(), r.input(), r.metadata());
            return CompletableFuture.completedFuture(null);
        } catch (ComposeException e) {
            RunSnapshot failed = RunSnapshot.pending(r.runId(), r.workflowId(), r.metadata(), r.requestedAtMillis())
                    .finished(RunStatus.FAILED, null, e.getMessage(), clock.millis());
            return output.finish(failed);
        }
    }
}
