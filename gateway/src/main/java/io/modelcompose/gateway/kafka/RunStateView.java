package io.modelcompose.gateway.kafka;

import io.modelcompose.shared.event.RunSnapshot;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this gateway knows of every run: the latest snapshot read from the run-state topic (or written locally on
 * submission), and the callers waiting for runs to end. Thread-safe: fed by the consumer thread, read by event loops.
 */
final class RunStateView {
    private final Map<String, RunSnapshot> runs = new ConcurrentHashMap<>();
    private final Map<String, List<Promise<RunSnapshot>>> waiters = new ConcurrentHashMap<>();
    /** Ids of the runs not finished yet, kept beside {@link #runs} so that counting them costs nothing. */
    private final Set<String> unfinished = ConcurrentHashMap.newKeySet();

    RunSnapshot get(String runId) {
        return runs.get(runId);
    }

    /** Records a snapshot unless a later one (terminal, or further along) is known already. */
    void update(RunSnapshot snapshot) {
        RunSnapshot merged = runs.compute(snapshot.runId(), (id, known) -> track(known == null ? snapshot
                : later(known, snapshot)));
        if (merged.status().isTerminal()) {
            List<Promise<RunSnapshot>> waiting = waiters.remove(merged.runId());
            if (waiting != null) {
                waiting.forEach(p -> p.tryComplete(merged));
            }
        }
    }

    /** Adds a snapshot only if the run is unknown; returns the snapshot now held. */
    RunSnapshot putIfAbsent(RunSnapshot snapshot) {
        return runs.computeIfAbsent(snapshot.runId(), id -> track(snapshot));
    }

    Future<RunSnapshot> awaitTerminal(String runId) {
        Promise<RunSnapshot> promise = Promise.promise();
        waiters.computeIfAbsent(runId, id -> new ArrayList<>()).add(promise);
        RunSnapshot current = runs.get(runId);
        if (current != null && current.status().isTerminal()) {
            update(current);
        }
        return promise.future();
    }

    long pendingCount() {
        return unfinished.size();
    }

    /** Keeps {@link #unfinished} in step with the snapshot now held; called under the map's lock for its key. */
    private RunSnapshot track(RunSnapshot held) {
        if (held.status().isTerminal()) {
            unfinished.remove(held.runId());
        } else {
            unfinished.add(held.runId());
        }
        return held;
    }

    /** Forgets finished runs that ended before {@code cutoffMillis}. */
    void evictFinishedBefore(long cutoffMillis) {
        runs.values().removeIf(s -> s.status().isTerminal() && s.finishedAtMillis() < cutoffMillis);
    }

    private static RunSnapshot later(RunSnapshot known, RunSnapshot incoming) {
        if (known.status().isTerminal()) {
            return known;
        }
        return incoming.status().ordinal() >= known.status().ordinal() ? incoming : known;
    }
}
