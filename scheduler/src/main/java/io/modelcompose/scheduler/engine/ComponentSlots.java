package io.modelcompose.scheduler.engine;

import io.modelcompose.scheduler.engine.EngineCommand.DispatchJob;
import io.modelcompose.shared.event.AttemptId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Concurrency slots per component: a dispatch beyond a component's {@code max_concurrent_count} waits, first in first
 * out, until an attempt of that component ends. A slot is held from dispatch until the worker reports the attempt's
 * end (or its lease expires), never merely until it is asked to stop. Who got a slot can also be told rather than
 * decided ({@link #takeRecorded}): a scheduler rebuilding its state from the log takes the slots its predecessor
 * granted, whatever order it replays them in.
 */
final class ComponentSlots {
    private final ToIntFunction<String> limitOf;
    private final Map<String, Integer> inUse = new HashMap<>();
    private final Map<String, Deque<DispatchJob>> waiting = new HashMap<>();
    private final Map<AttemptId, String> holders = new HashMap<>();

    ComponentSlots(ToIntFunction<String> limitOf) {
        this.limitOf = limitOf;
    }

    /** Takes a slot for the dispatch, or queues it; true when it may be sent now. */
    boolean acquireOrQueue(DispatchJob dispatch) {
        if (!hasRoom(dispatch.componentRef())) {
            queue(dispatch);
            return false;
        }
        take(dispatch.id(), dispatch.componentRef());
        return true;
    }

    /** Queues the dispatch without deciding: it gets a slot when told so, or by {@link #grantWaiting}. */
    void queue(DispatchJob dispatch) {
        waiting.computeIfAbsent(dispatch.componentRef(), c -> new ArrayDeque<>()).addLast(dispatch);
    }

    /**
     * The log says this attempt got a slot of {@code component}: takes it, even beyond the limit (the slot is in use
     * whatever this instance would have decided). Answers the queued dispatch if it was still waiting; empty when the
     * attempt is no longer wanted or the slot was already held.
     */
    Optional<DispatchJob> takeRecorded(AttemptId id, String component) {
        if (holders.containsKey(id)) {
            return Optional.empty();
        }
        take(id, component);
        Deque<DispatchJob> queue = waiting.get(component);
        if (queue != null) {
            for (Iterator<DispatchJob> it = queue.iterator(); it.hasNext(); ) {
                DispatchJob queued = it.next();
                if (queued.id().equals(id)) {
                    it.remove();
                    return Optional.of(queued);
                }
            }
        }
        return Optional.empty();
    }

    /** Removes a queued dispatch that is no longer wanted; true when it was queued. */
    boolean dropQueued(AttemptId id) {
        for (Deque<DispatchJob> queue : waiting.values()) {
            if (queue.removeIf(d -> d.id().equals(id))) {
                return true;
            }
        }
        return false;
    }

    boolean holds(AttemptId id) {
        return holders.containsKey(id);
    }

    /** Frees the slot of an ended attempt; answers its component when it held one. */
    Optional<String> release(AttemptId id) {
        String component = holders.remove(id);
        if (component != null) {
            inUse.merge(component, -1, Integer::sum);
        }
        return Optional.ofNullable(component);
    }

    /** Takes a slot for every queued dispatch that fits under its component's limit, oldest first. */
    List<DispatchJob> grantWaiting() {
        List<DispatchJob> granted = new ArrayList<>();
        List.copyOf(waiting.keySet()).forEach(component -> granted.addAll(grantWaiting(component)));
        return granted;
    }

    /** Takes a slot for the queued dispatches of one component that fit under its limit, oldest first. */
    List<DispatchJob> grantWaiting(String component) {
        Deque<DispatchJob> queue = waiting.get(component);
        List<DispatchJob> granted = new ArrayList<>();
        while (queue != null && !queue.isEmpty() && hasRoom(component)) {
            DispatchJob next = queue.pollFirst();
            take(next.id(), component);
            granted.add(next);
        }
        return granted;
    }

    int inUse(String component) {
        return inUse.getOrDefault(component, 0);
    }

    int waiting(String component) {
        Deque<DispatchJob> queue = waiting.get(component);
        return queue == null ? 0 : queue.size();
    }

    private boolean hasRoom(String component) {
        int limit = limitOf.applyAsInt(component);
        return limit <= 0 || inUse(component) < limit;
    }

    private void take(AttemptId id, String component) {
        inUse.merge(component, 1, Integer::sum);
        holders.put(id, component);
    }
}
