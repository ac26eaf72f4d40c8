package io.modelcompose.scheduler.engine;

import io.modelcompose.scheduler.engine.EngineCommand.CancelJob;
import io.modelcompose.scheduler.engine.EngineCommand.DispatchJob;
import io.modelcompose.scheduler.engine.EngineCommand.FinishRun;
import io.modelcompose.scheduler.engine.EngineCommand.ScheduleTimer;
import io.modelcompose.scheduler.engine.EngineCommand.TimerKind;
import io.modelcompose.shared.config.ComponentConfig;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.event.RunSnapshot;
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

        /** The dispatch waits for a slot of its component; it is {@link #dispatch dispatched} once one frees. */
        default void dispatchQueued(DispatchJob dispatch) {
        }
    }

    private final ComposeConfig config;
    private final Clock clock;
    private final Output output;
    private final ComponentSlots slots;
    private final Map<String, RunEngine> active = new HashMap<>();
    private final Deque<RunEngine> pending = new ArrayDeque<>();
    private final Map<String, RunSnapshot> finished = new LinkedHashMap<>();
    private final int maxFinishedKept;

    public RunCoordinator(ComposeConfig config, Clock clock, Output output) {
        this(config, clock, output, 100_000);
    }

    public RunCoordinator(ComposeConfig config, Clock clock, Output output, int maxFinishedKept) {
        this.config = config;
        this.clock = clock;
        this.output = output;
        this.maxFinishedKept = maxFinishedKept;
        this.slots = new ComponentSlots(this::componentLimit);
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
        if (limit > 0 && runningCount() >= limit) {
            pending.addLast(engine);
            return engine.snapshot();
        }
        start(engine);
        return engine.snapshot();
    }

    public void jobSucceeded(String runId, String jobKey, int attempt, Object result, Map<String, Object> sources) {
        releaseSlot(runId, jobKey, attempt);
        RunEngine engine = active.get(runId);
        if (engine != null) {
            apply(engine, engine.onJobSucceeded(jobKey, attempt, result, sources));
        }
    }

    public void jobFailed(String runId, String jobKey, int attempt, String error) {
        releaseSlot(runId, jobKey, attempt);
        RunEngine engine = active.get(runId);
        if (engine != null) {
            apply(engine, engine.onJobFailed(jobKey, attempt, error));
        }
    }

    /** An attempt's lease expired: its slot is freed and the job is dispatched again. */
    public void leaseExpired(String runId, String jobKey, int attempt) {
        releaseSlot(runId, jobKey, attempt);
        RunEngine engine = active.get(runId);
        if (engine != null) {
            apply(engine, engine.onLeaseExpired(jobKey, attempt));
        }
    }

    /** True while the run is started or waiting to start. */
    public boolean isUnfinished(String runId) {
        return active.containsKey(runId) || pending.stream().anyMatch(e -> e.runId().equals(runId));
    }

    public void timerDue(String runId, String jobKey, int attempt, TimerKind kind) {
        RunEngine engine = active.get(runId);
        if (engine != null) {
            apply(engine, engine.onTimer(jobKey, attempt, kind));
        }
    }

    /**
     * Cancels a run.
     *
     * @throws ComposeException NOT_FOUND when unknown, CONFLICT when it already finished
     */
    public RunSnapshot cancel(String runId) {
        RunSnapshot done = finished.get(runId);
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
        RunSnapshot done = finished.get(runId);
        if (done != null) {
            return Optional.of(done);
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

    private void start(RunEngine engine) {
        active.put(engine.runId(), engine);
        List<EngineCommand> commands = engine.start();
        output.runStarted(engine.snapshot());
        apply(engine, commands);
    }

    private void apply(RunEngine engine, List<EngineCommand> commands) {
        for (EngineCommand command : commands) {
            if (command instanceof DispatchJob d) {
                if (slots.acquireOrQueue(d)) {
                    output.dispatch(d);
                } else {
                    output.dispatchQueued(d);
                }
            } else if (command instanceof CancelJob c) {
                if (!slots.dropQueued(c.runId(), c.jobKey(), c.attempt())) {
                    output.cancel(c);
                }
            } else if (command instanceof ScheduleTimer t) {
                output.schedule(t);
            } else if (command instanceof FinishRun f) {
                onFinished(engine, f.snapshot());
            }
        }
    }

    private void onFinished(RunEngine engine, RunSnapshot snapshot) {
        active.remove(engine.runId());
        pending.remove(engine);
        finished.put(snapshot.runId(), snapshot);
        if (finished.size() > maxFinishedKept) {
            String oldest = finished.keySet().iterator().next();
            finished.remove(oldest);
        }
        output.runFinished(snapshot);
        startPendingRuns();
    }

    private void startPendingRuns() {
        int limit = config.controller().maxConcurrentCount();
        while (!pending.isEmpty() && (limit <= 0 || runningCount() < limit)) {
            start(pending.pollFirst());
        }
    }

    private void releaseSlot(String runId, String jobKey, int attempt) {
        slots.release(runId, jobKey, attempt).ifPresent(output::dispatch);
    }

    private int componentLimit(String componentRef) {
        int slash = componentRef.indexOf('/');
        if (slash < 0) {
            return config.component(componentRef).map(ComponentConfig::maxConcurrentCount).orElse(0);
        }
        return config.workflow(componentRef.substring(0, slash)).job(componentRef.substring(slash + 1))
                .map(j -> j.component().maxConcurrentCount()).orElse(0);
    }
}
