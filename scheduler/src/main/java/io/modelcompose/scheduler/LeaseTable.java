package io.modelcompose.scheduler;

import io.modelcompose.shared.event.AttemptId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Leases of dispatched attempts: extended by heartbeats, dropped on results, reported when they expire. */
final class LeaseTable {
    private final Map<AttemptId, Long> deadlines = new HashMap<>();
    /** Attempts a worker heartbeated for: it had picked them up. */
    private final java.util.Set<AttemptId> pickedUp = new java.util.HashSet<>();

    /** An expired lease, and whether a worker had been seen running the attempt. */
    record Expiry(AttemptId attempt, boolean pickedUp) {
    }

    void grant(AttemptId attempt, long deadlineMillis) {
        deadlines.put(attempt, deadlineMillis);
    }

    void extend(AttemptId attempt, long deadlineMillis) {
        if (deadlines.computeIfPresent(attempt, (k, old) -> Math.max(old, deadlineMillis)) != null) {
            pickedUp.add(attempt);
        }
    }

    void drop(AttemptId attempt) {
        deadlines.remove(attempt);
        pickedUp.remove(attempt);
    }

    /** Removes and returns the leases whose deadline has passed. */
    List<Expiry> expire(long nowMillis) {
        List<Expiry> expired = new ArrayList<>();
        Iterator<Map.Entry<AttemptId, Long>> it = deadlines.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<AttemptId, Long> e = it.next();
            if (e.getValue() <= nowMillis) {
                expired.add(new Expiry(e.getKey(), pickedUp.remove(e.getKey())));
                it.remove();
            }
        }
        return expired;
    }

    int size() {
        return deadlines.size();
    }
}
