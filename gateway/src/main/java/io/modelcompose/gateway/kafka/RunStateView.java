package io.modelcompose.gateway.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.modelcompose.gateway.run.FinishedRunLimits;
import io.modelcompose.shared.event.EventCodec;
import io.modelcompose.shared.event.RunSnapshot;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What this gateway knows of every run: the latest snapshot read from the run-state topic (or written locally on
 * submission), and the callers waiting for runs to end. Finished runs are held within {@link FinishedRunLimits} (10,000
 * runs, 16 MiB and an hour by default), as their JSON, decoded again when asked for; older ones are read back from
 * the topic ({@link RunStateLookup}). Every change of one run happens under the lock of its entry in {@link #active},
 * so a run is either active or finished, never both. Thread-safe: fed by the consumer and delivery threads, read by event loops.
 */
final class RunStateView {
    /** Runs not finished yet. */
    private final Map<String, RunSnapshot> active = new ConcurrentHashMap<>();
    /** Finished runs, bounded; written only under the lock of the run's (absent) entry in {@link #active}. */
    private final FinishedRuns finished;
    private final Map<String, List<Promise<RunSnapshot>>> waiters = new ConcurrentHashMap<>();
    /** Callers that stop at an interrupt too (a synchronous run request, as upstream). */
    private final Map<String, List<Promise<RunSnapshot>>> settleWaiters = new ConcurrentHashMap<>();
    /** Told of every snapshot this view takes in (the web UI's live task list). */
    private final List<Consumer<RunSnapshot>> listeners = new CopyOnWriteArrayList<>();

    /** A view holding finished runs within the default limits. */
    RunStateView() {
        this(FinishedRunLimits.defaults());
    }

    RunStateView(FinishedRunLimits limits) {
        this.finished = new FinishedRuns(limits);
    }

    private static byte[] encode(RunSnapshot snapshot) {
        try {
            return EventCodec.mapper().writeValueAsBytes(snapshot);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RunSnapshot decode(byte[] json) {
        try {
            return EventCodec.mapper().readValue(json, RunSnapshot.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RunSnapshot get(String runId) {
        RunSnapshot running = active.get(runId);
        if (running != null) {
            return running;
        }
        byte[] done = finished.get(runId);
        return done == null ? null : decode(done);
    }

    /** Records a snapshot unless a later one (terminal, or further along) is known already. */
    void update(RunSnapshot snapshot) {
        RunSnapshot[] ended = new RunSnapshot[1];
        RunSnapshot[] changed = new RunSnapshot[1];
        active.compute(snapshot.runId(), (id, known) -> {
            if (finished.contains(id)) {
                return null; // the first terminal state stays
            }
            RunSnapshot held = known == null ? snapshot : later(known, snapshot);
            changed[0] = held == known ? null : held;
            if (!held.status().isTerminal()) {
                return held;
            }
            finished.put(id, held.finishedAtMillis(), encode(held));
            ended[0] = held;
            return null;
        });
        if (ended[0] != null) {
            complete(ended[0].runId(), ended[0]);
        } else if (changed[0] != null && changed[0].status().endsWait()) {
            complete(settleWaiters, changed[0].runId(), changed[0]);
        }
        if (changed[0] != null) {
            tell(changed[0]);
        }
    }

    /** Calls {@code listener} with every snapshot taken in from now on, until the handle is closed. */
    AutoCloseable listen(Consumer<RunSnapshot> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void tell(RunSnapshot snapshot) {
        for (Consumer<RunSnapshot> listener : listeners) {
            listener.accept(snapshot);
        }
    }

    /** Adds a snapshot only if the run is unknown; returns the snapshot now held. */
    RunSnapshot putIfAbsent(RunSnapshot snapshot) {
        RunSnapshot held = active.compute(snapshot.runId(),
                (id, known) -> known != null || finished.contains(id) ? known : snapshot);
        if (held == snapshot) {
            tell(snapshot);
        }
        return held != null ? held : get(snapshot.runId());
    }

    Future<RunSnapshot> awaitTerminal(String runId) {
        Promise<RunSnapshot> promise = Promise.promise();
        waiters.computeIfAbsent(runId, id -> new ArrayList<>()).add(promise);
        byte[] done = finished.get(runId);
        if (done != null) {
            complete(runId, decode(done));
        }
        return promise.future();
    }

    /** Completes once the run has ended or waits for a person (at once if it does now). */
    Future<RunSnapshot> awaitSettled(String runId) {
        Promise<RunSnapshot> promise = Promise.promise();
        settleWaiters.computeIfAbsent(runId, id -> new ArrayList<>()).add(promise);
        RunSnapshot now = get(runId);
        if (now != null && now.status().endsWait()) {
            complete(settleWaiters, runId, now);
        }
        return promise.future();
    }

    private void complete(String runId, RunSnapshot terminal) {
        complete(settleWaiters, runId, terminal);
        complete(waiters, runId, terminal);
    }

    private static void complete(Map<String, List<Promise<RunSnapshot>>> waiters, String runId, RunSnapshot terminal) {
        List<Promise<RunSnapshot>> waiting = waiters.remove(runId);
        if (waiting != null) {
            waiting.forEach(p -> p.tryComplete(terminal));
        }
    }

    long pendingCount() {
        return active.size();
    }

    /** Forgets finished runs that ended before {@code cutoffMillis}. */
    void evictFinishedBefore(long cutoffMillis) {
        finished.evictFinishedBefore(cutoffMillis);
    }

    /** Finished runs held now. */
    int finishedHeld() {
        return finished.size();
    }

    /** The incoming snapshot unless it is further behind: pending, then processing or interrupted, then an end. */
    private static RunSnapshot later(RunSnapshot known, RunSnapshot incoming) {
        return stage(incoming) >= stage(known) ? incoming : known;
    }

    private static int stage(RunSnapshot snapshot) {
        return switch (snapshot.status()) {
            case PENDING -> 0;
            case PROCESSING, INTERRUPTED -> 1;
            case COMPLETED, FAILED, CANCELLED -> 2;
        };
    }
}
