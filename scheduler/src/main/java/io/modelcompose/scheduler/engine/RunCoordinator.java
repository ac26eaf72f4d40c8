package io.modelcompose.scheduler.engine;

import io.modelcompose.scheduler.engine.EngineCommand.CancelJob;
import io.modelcompose.scheduler.engine.EngineCommand.DispatchJob;
import io.modelcompose.scheduler.engine.EngineCommand.FinishRun;
import io.modelcompose.scheduler.engine.EngineCommand.ScheduleTimer;
import io.modelcompose.scheduler.engine.EngineCommand.TimerKind;
import io.modelcompose.scheduler.engine.EngineCommand.UpdateRun;
import io.modelcompose.shared.config.ComponentConfig;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.WorkflowConfig;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.event.AttemptId;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.RunStatus;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drives many runs: holds runs beyond the controller's {@code max_concurrent_count} in a FIFO queue, gates dispatches
 * through per-component slots, and routes worker results and timers to the right {@link RunEngine}. Pure logic with an
 * injected clock; not thread-safe (one owner thread feeds it).
 */
public final class RunCoordinator {

    /** Where the coordinator sends its decisions. */
    public interface Output {
        void dispatch(DispatchJob dispatch);

        void cancel(CancelJob cancel);

        void schedule(ScheduleTimer timer);

        void runStarted(RunSnapshot snapshot);

        void runFinished(RunSnapshot snapshot);

        /** The run waits for a person ({@code interrupted}), or goes on after an answer ({@code processing}). */
        default void runUpdated(RunSnapshot snapshot) {
        }

        /** The dispatch waits for a slot of its component; it is {@link #dispatch dispatched} once one frees. */
        default void dispatchQueued(DispatchJob dispatch) {
        }

        /**
         * The log says this attempt was dispatched before (by a predecessor): it holds its slot and may be running,
         * so watch it (its lease), but do not send it again.
         */
        default void holding(AttemptId attempt) {
        }
    }

    private final ComposeConfig config;
    private final Clock clock;
    private final Output output;
    private final ComponentSlots slots;
    private final Map<String, RunEngine> active = new HashMap<>();
    private final Deque<RunEngine> pending = new ArrayDeque<>();
    /**
     * Finished runs, remembered (the newest {@code maxFinishedKept}) only so that a second request for one is not run
     * again and a late cancel conflicts: their status and times, not their output (that is on the run-state topic).
     */
    private final Map<String, Ended> finished = new LinkedHashMap<>();
    private final int maxFinishedKept;
    private DecisionMode mode;

    /** What is kept of a finished run: a few dozen bytes instead of its output, input and metadata. */
    private record Ended(String workflowId, RunStatus status, long createdAtMillis, long finishedAtMillis) {
        RunSnapshot snapshot(String runId) {
            return new RunSnapshot(runId, workflowId, status, null, null, null, createdAtMillis, finishedAtMillis);
        }
    }

    public RunCoordinator(ComposeConfig config, Clock clock, Output output) {
        this(config, clock, output, 100_000, DecisionMode.DECIDE);
    }

    public RunCoordinator(ComposeConfig config, Clock clock, Output output, DecisionMode mode) {
        this(config, clock, output, 100_000, mode);
    }

    public RunCoordinator(ComposeConfig config, Clock clock, Output output, int maxFinishedKept, DecisionMode mode) {
        this.config = config;
        this.clock = clock;
        this.output = output;
        this.maxFinishedKept = maxFinishedKept;
        this.mode = mode;
        this.slots = new ComponentSlots(this::componentLimit);
    }

    public DecisionMode mode() {
        return mode;
    }

    /**
     * Ends {@link DecisionMode#FOLLOW_LOG}: dispatches what waits for a free slot and starts pending runs up to the
     * controller's limit, as a live scheduler would have, then decides every later one itself.
     */
    public void decideFromNowOn() {
        if (mode == DecisionMode.DECIDE) {
            return;
        }
        mode = DecisionMode.DECIDE;
        slots.grantWaiting().forEach(output::dispatch);
        startPendingRuns();
    }

    /**
     * The log says this attempt got a slot of {@code componentRef} (and was sent). It holds the slot until its end or
     * its lease expiry; if the run no longer wants it (cancelled or finished meanwhile), it is asked to stop.
     */
    public void slotGranted(AttemptId attempt, String componentRef) {
        if (slots.holds(attempt)) {
            return;
        }
        Optional<DispatchJob> wanted = slots.takeRecorded(attempt, componentRef);
        output.holding(attempt);
        if (wanted.isEmpty()) {
            output.cancel(new CancelJob(attempt));
        }
    }

    /** The log says this pending run was started: it starts (its own start was announced already). */
    public void runAdmitted(String runId) {
        pending.stream().filter(e -> e.runId().equals(runId)).findFirst().ifPresent(engine -> {
            pending.remove(engine);
            start(engine, false);
        });
    }

    /**
     * Accepts a run. A run id seen before returns the known state (idempotent). The run starts at once unless the
     * controller limit is reached, in which case it stays pending.
     *
     * @throws ComposeException NOT_FOUND for an unknown workflow
     */
    public RunSnapshot submit(String runId, String workflowId, Object input, Object metadata) {
        Optional<RunSnapshot> known = snapshot(runId);
        if (known.isPresent()) {
            return known.get();
        }
        RunEngine engine = new RunEngine(config, clock, runId, workflowId, input, metadata);
        int limit = config.controller().maxConcurrentCount();
        if (mode == DecisionMode.FOLLOW_LOG || limit > 0 && runningCount() >= limit) {
            pending.addLast(engine);
            return engine.snapshot();
        }
        start(engine, true);
        return engine.snapshot();
    }

    public void jobSucceeded(AttemptId attempt, Object result, Map<String, Object> sources) {
        releaseSlot(attempt);
        RunEngine engine = active.get(attempt.runId());
        if (engine != null) {
            apply(engine, engine.onJobSucceeded(attempt.jobKey(), attempt.attempt(), result, sources));
        }
    }

    public void jobFailed(AttemptId attempt, String error) {
        releaseSlot(attempt);
        RunEngine engine = active.get(attempt.runId());
        if (engine != null) {
            apply(engine, engine.onJobFailed(attempt.jobKey(), attempt.attempt(), error));
        }
    }

    /** An attempt's lease expired after a worker had picked it up: its slot is freed and the job goes out again. */
    public void leaseExpired(AttemptId attempt) {
        leaseExpired(attempt, true);
    }

    /**
     * An attempt's lease expired: its slot is freed and the job is dispatched again; only an attempt a worker had
     * picked up counts as a lost worker.
     */
    public void leaseExpired(AttemptId attempt, boolean pickedUp) {
        releaseSlot(attempt);
        RunEngine engine = active.get(attempt.runId());
        if (engine != null) {
            apply(engine, engine.onLeaseExpired(attempt.jobKey(), attempt.attempt(), pickedUp));
        }
    }

    /** True while the run is started or waiting to start. */
    public boolean isUnfinished(String runId) {
        return active.containsKey(runId) || pending.stream().anyMatch(e -> e.runId().equals(runId));
    }

    public void timerDue(AttemptId attempt, TimerKind kind) {
        RunEngine engine = active.get(attempt.runId());
        if (engine != null) {
            apply(engine, engine.onTimer(attempt.jobKey(), attempt.attempt(), kind));
        }
    }

    /** A person answered the run's pause at job {@code jobId}; an answer to no current pause changes nothing. */
    public void resume(String runId, String jobId, Object answer) {
        RunEngine engine = active.get(runId);
        if (engine != null) {
            apply(engine, engine.resume(jobId, answer));
        }
    }

    /**
     * Cancels a run.
     *
     * @throws ComposeException NOT_FOUND when unknown, CONFLICT when it already finished
     */
    public RunSnapshot cancel(String runId) {
        Ended done = finished.get(runId);
        if (done != null) {
            throw new ComposeException(ErrorCode.CONFLICT,
                    "Task '" + runId + "' has already finished: " + done.status().wireName());
        }
        RunEngine engine = active.get(runId);
        if (engine == null) {
            engine = pending.stream().filter(e -> e.runId().equals(runId)).findFirst()
                    .orElseThrow(() -> new ComposeException(ErrorCode.NOT_FOUND, "Task '" + runId + "' not found."));
            pending.remove(engine);
        }
        apply(engine, engine.cancel("cancelled"));
        return engine.snapshot();
    }

    public Optional<RunSnapshot> snapshot(String runId) {
        RunEngine engine = active.get(runId);
        if (engine != null) {
            return Optional.of(engine.snapshot());
        }
        Ended done = finished.get(runId);
        if (done != null) {
            return Optional.of(done.snapshot(runId));
        }
        return pending.stream().filter(e -> e.runId().equals(runId)).findFirst().map(RunEngine::snapshot);
    }

    public int runningCount() {
        return active.size();
    }

    public int pendingCount() {
        return pending.size();
    }

    /** Slots in use and dispatches waiting for component {@code componentRef}. */
    public int[] componentLoad(String componentRef) {
        return new int[] {slots.inUse(componentRef), slots.waiting(componentRef)};
    }

    private void start(RunEngine engine, boolean announce) {
        active.put(engine.runId(), engine);
        List<EngineCommand> commands = engine.start();
        if (announce) {
            output.runStarted(engine.snapshot());
        }
        apply(engine, commands);
    }

    private void apply(RunEngine engine, List<EngineCommand> commands) {
        for (EngineCommand command : commands) {
            if (command instanceof DispatchJob d) {
                if (mode == DecisionMode.FOLLOW_LOG) {
                    slots.queue(d);
                } else if (slots.acquireOrQueue(d)) {
                    output.dispatch(d);
                } else {
                    output.dispatchQueued(d);
                }
            } else if (command instanceof CancelJob c) {
                if (!slots.dropQueued(c.id())) {
                    output.cancel(c);
                }
            } else if (command instanceof ScheduleTimer t) {
                output.schedule(t);
            } else if (command instanceof UpdateRun u) {
                output.runUpdated(u.snapshot());
            } else if (command instanceof FinishRun f) {
                onFinished(engine, f.snapshot());
            }
        }
    }

    private void onFinished(RunEngine engine, RunSnapshot snapshot) {
        active.remove(engine.runId());
        pending.remove(engine);
        finished.put(snapshot.runId(), new Ended(workflowIdOf(snapshot), snapshot.status(),
                snapshot.createdAtMillis(), snapshot.finishedAtMillis()));
        if (finished.size() > maxFinishedKept) {
            String oldest = finished.keySet().iterator().next();
            finished.remove(oldest);
        }
        output.runFinished(snapshot);
        if (mode == DecisionMode.DECIDE) {
            startPendingRuns();
        }
    }

    /** The config's own instance of the workflow id (one string for all its runs), else the run's. */
    private String workflowIdOf(RunSnapshot snapshot) {
        for (WorkflowConfig workflow : config.workflows()) {
            if (workflow.id().equals(snapshot.workflowId())) {
                return workflow.id();
            }
        }
        return snapshot.workflowId();
    }

    private void startPendingRuns() {
        int limit = config.controller().maxConcurrentCount();
        while (!pending.isEmpty() && (limit <= 0 || runningCount() < limit)) {
            start(pending.pollFirst(), true);
        }
    }

    private void releaseSlot(AttemptId attempt) {
        slots.release(attempt).ifPresent(component -> {
            if (mode == DecisionMode.DECIDE) {
                slots.grantWaiting(component).forEach(output::dispatch);
            }
        });
    }

    private int componentLimit(String componentRef) {
        return config.componentByRef(componentRef).map(ComponentConfig::maxConcurrentCount).orElse(0);
    }
}
