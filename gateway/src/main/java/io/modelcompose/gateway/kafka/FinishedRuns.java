package io.modelcompose.gateway.kafka;

import io.modelcompose.gateway.run.FinishedRunLimits;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The finished runs a gateway holds, as their JSON, in the order they finished here, within {@link FinishedRunLimits}:
 * a run that would exceed the count or the bytes pushes the oldest out. Thread-safe.
 */
final class FinishedRuns {
    /**
     * What one held run costs besides its JSON: the map entry, the run id string, the record and the array header
     * (measured shapes on a 64-bit JVM with compressed pointers, rounded up).
     */
    static final int OVERHEAD_BYTES = 160;
    private final FinishedRunLimits limits;
    private final Map<String, Held> runs = new LinkedHashMap<>();
    private long bytes;
    private long evicted;

    private record Held(long finishedAtMillis, byte[] json) {
        long cost() {
            return OVERHEAD_BYTES + json.length;
        }
    }

    FinishedRuns(FinishedRunLimits limits) {
        this.limits = limits;
    }

    /**
     * Holds the run's JSON (replacing what was held for it), then evicts the oldest runs beyond the bounds (a run
     * larger than the byte bound on its own is not held at all).
     */
    synchronized void put(String runId, long finishedAtMillis, byte[] json) {
        Held added = new Held(finishedAtMillis, json);
        Held replaced = runs.put(runId, added);
        bytes += added.cost() - (replaced == null ? 0 : replaced.cost());
        Iterator<Held> oldest = runs.values().iterator();
        while (!runs.isEmpty() && (runs.size() > limits.maxRuns() || bytes > limits.maxBytes())) {
            bytes -= oldest.next().cost();
            oldest.remove();
            evicted++;
        }
    }

    /** The run's JSON, or null when it is not held (never finished here, or evicted). */
    synchronized byte[] get(String runId) {
        Held held = runs.get(runId);
        return held == null ? null : held.json();
    }

    synchronized boolean contains(String runId) {
        return runs.containsKey(runId);
    }

    /** Forgets runs that finished before {@code cutoffMillis}. */
    synchronized void evictFinishedBefore(long cutoffMillis) {
        Iterator<Held> it = runs.values().iterator();
        while (it.hasNext()) {
            Held held = it.next();
            if (held.finishedAtMillis() < cutoffMillis) {
                bytes -= held.cost();
                it.remove();
                evicted++;
            }
        }
    }

    synchronized int size() {
        return runs.size();
    }

    /** What the held runs cost, by the same estimate the bound uses. */
    synchronized long bytes() {
        return bytes;
    }

    /** Runs pushed out or aged out so far. */
    synchronized long evictedCount() {
        return evicted;
    }
}
