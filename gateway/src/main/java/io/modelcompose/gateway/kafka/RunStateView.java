package io.modelcompose.gateway.kafka;

import io.modelcompose.shared.event.RunSnapshot;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this gateway knows of every run: the latest snapshot read from the run-state topic (or written locally on
 * submission), and the callers waiting for runs to end. Thread-safe: fed by the consumer thread, read by event loops.
 */
final class RunStateView {
    private final Map<String, RunSnapshot> runs = new ConcurrentHashMap<>();
    private final Map<String, List<Promise<RunSnapshot>>> waiters = new ConcurrentHashMap<>();

    RunSnapshot get(String runId) {
        return runs.get(runId);
    }

    /** Records a snapshot unless a later one (terminal, or further along) is known already. */
    void update(RunSnapshot snapshot) {
        RunSnapshot merged = runs.merge(snapshot.runId(), snapshot, RunStateView::later);
        if (merged.status().isTerminal()) {
            List<Promise<RunSnapshot>> waiting = waiters.remove(merged.runId());
            if (waiting != null) {
                waiting.forEach(p -> p.tryComplete(merged));
            }
        }
    }

    /** Adds a snapshot only if the run is unknown; returns the snapshot now held. */
    RunSnapshot putIfAbsent(RunSnapshot snapshot) {
        RunSnapshot existing = runs.putIfAbsent(snapshot.runId(), snapshot);
        return existing == null ? snapshot : existing;
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
        return runs.values().stream().filter(s -> !s.status().isTerminal()).count();
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
