package io.modelcompose.scheduler.engine;

import io.modelcompose.scheduler.engine.EngineCommand.DispatchJob;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Concurrency slots per component: a dispatch beyond a component's {@code max_concurrent_count} waits, first in first
 * out, until an attempt of that component ends. A slot is held from dispatch until the worker reports the attempt's
 * end (or its lease expires), never merely until it is asked to stop.
 */
final class ComponentSlots {
    private final ToIntFunction<String> limitOf;
    private final Map<String, Integer> inUse = new HashMap<>();
    private final Map<String, Deque<DispatchJob>> waiting = new HashMap<>();
    private final Map<String, String> holders = new HashMap<>();

    ComponentSlots(ToIntFunction<String> limitOf) {
        this.limitOf = limitOf;
    }

    /** Takes a slot for the dispatch, or queues it; true when it may be sent now. */
    boolean acquireOrQueue(DispatchJob dispatch) {
        String component = dispatch.componentRef();
        int limit = limitOf.applyAsInt(component);
        int used = inUse.getOrDefault(component, 0);
        if (limit > 0 && used >= limit) {
            waiting.computeIfAbsent(component, c -> new ArrayDeque<>()).addLast(dispatch);
            return false;
        }
        inUse.put(component, used + 1);
        holders.put(attemptKey(dispatch.runId(), dispatch.jobKey(), dispatch.attempt()), component);
        return true;
    }

    /** Removes a queued dispatch that is no longer wanted; true when it was queued. */
    boolean dropQueued(String runId, String jobKey, int attempt) {
        for (Deque<DispatchJob> queue : waiting.values()) {
            if (queue.removeIf(d -> d.runId().equals(runId) && d.jobKey().equals(jobKey) && d.attempt() == attempt)) {
                return true;
            }
        }
        return false;
    }

    boolean holds(String runId, String jobKey, int attempt) {
        return holders.containsKey(attemptKey(runId, jobKey, attempt));
    }

    /** Frees the slot of an ended attempt and returns the next queued dispatch that may now be sent, if any. */
    Optional<DispatchJob> release(String runId, String jobKey, int attempt) {
        String component = holders.remove(attemptKey(runId, jobKey, attempt));
        if (component == null) {
            return Optional.empty();
        }
        inUse.merge(component, -1, Integer::sum);
        Deque<DispatchJob> queue = waiting.get(component);
        if (queue == null || queue.isEmpty()) {
            return Optional.empty();
        }
        DispatchJob next = queue.pollFirst();
        inUse.merge(component, 1, Integer::sum);
        holders.put(attemptKey(next.runId(), next.jobKey(), next.attempt()), component);
        return Optional.of(next);
    }

    int inUse(String component) {
        return inUse.getOrDefault(component, 0);
    }

    int waiting(String component) {
        Deque<DispatchJob> queue = waiting.get(component);
        return queue == null ? 0 : queue.size();
    }

    static String attemptKey(String runId, String jobKey, int attempt) {
        return runId + '\u0000' + jobKey + '\u0000' + attempt;
    }
}
