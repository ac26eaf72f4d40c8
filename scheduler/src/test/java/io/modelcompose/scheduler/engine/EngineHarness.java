package io.modelcompose.scheduler.engine;

import io.modelcompose.scheduler.engine.EngineCommand.CancelJob;
import io.modelcompose.scheduler.engine.EngineCommand.DispatchJob;
import io.modelcompose.scheduler.engine.EngineCommand.ScheduleTimer;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.load.ConfigLoader;
import io.modelcompose.shared.config.LoadRequest;
import io.modelcompose.shared.event.RunSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Drives a {@link RunCoordinator} from a YAML config and records what it asks for. */
final class EngineHarness implements RunCoordinator.Output {
    final MutableClock clock = new MutableClock();
    final List<DispatchJob> dispatched = new ArrayList<>();
    final List<CancelJob> cancelled = new ArrayList<>();
    final List<ScheduleTimer> timers = new ArrayList<>();
    final Map<String, RunSnapshot> finished = new LinkedHashMap<>();
    final List<String> started = new ArrayList<>();
    final List<RunSnapshot> updates = new ArrayList<>();
    final RunCoordinator coordinator;

    EngineHarness(String yaml) {
        this(load(yaml));
    }

    EngineHarness(ComposeConfig config) {
        this.coordinator = new RunCoordinator(config, clock, this);
    }

    static ComposeConfig load(String yaml) {
        try {
            Path dir = Files.createTempDirectory("engine-test");
            Files.writeString(dir.resolve("model-compose.yml"), yaml);
            return ConfigLoader.load(new LoadRequest(List.of(), List.of(), Map.of(), Map.of(), dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RunSnapshot submit(String runId, Object input) {
        return coordinator.submit(runId, null, input, null);
    }

    DispatchJob dispatch(String jobKey) {
        for (int i = dispatched.size() - 1; i >= 0; i--) {
            if (dispatched.get(i).jobKey().equals(jobKey)) {
                return dispatched.get(i);
            }
        }
        throw new AssertionError("job " + jobKey + " was not dispatched; dispatched: " + dispatchedKeys());
    }

    List<String> dispatchedKeys() {
        return dispatched.stream().map(DispatchJob::jobKey).toList();
    }

    void succeed(String jobKey, Object output) {
        DispatchJob d = dispatch(jobKey);
        coordinator.jobSucceeded(d.id(), output, Map.of());
    }

    void fail(String jobKey, String error) {
        DispatchJob d = dispatch(jobKey);
        coordinator.jobFailed(d.id(), error);
    }

    /** Fires every scheduled timer that is due at the current clock reading. */
    void fireDueTimers() {
        List<ScheduleTimer> due = timers.stream().filter(t -> !t.dueAt().isAfter(clock.instant())).toList();
        timers.removeAll(due);
        due.forEach(t -> coordinator.timerDue(t.id(), t.kind()));
    }

    RunSnapshot result(String runId) {
        RunSnapshot snapshot = finished.get(runId);
        if (snapshot == null) {
            throw new AssertionError("run " + runId + " has not finished");
        }
        return snapshot;
    }

    @Override
    public void dispatch(DispatchJob dispatch) {
        dispatched.add(dispatch);
    }

    @Override
    public void cancel(CancelJob cancel) {
        cancelled.add(cancel);
    }

    @Override
    public void schedule(ScheduleTimer timer) {
        timers.add(timer);
    }

    @Override
    public void runStarted(RunSnapshot snapshot) {
        started.add(snapshot.runId());
    }

    @Override
    public void runUpdated(RunSnapshot snapshot) {
        updates.add(snapshot);
    }

    @Override
    public void runFinished(RunSnapshot snapshot) {
        finished.put(snapshot.runId(), snapshot);
    }
}
