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

    void grant(AttemptId attempt, long deadlineMillis) {
        deadlines.put(attempt, deadlineMillis);
    }

    void extend(AttemptId attempt, long deadlineMillis) {
        deadlines.computeIfPresent(attempt, (k, old) -> Math.max(old, deadlineMillis));
    }

    void drop(AttemptId attempt) {
        deadlines.remove(attempt);
    }

    /** Removes and returns the leases whose deadline has passed. */
    List<AttemptId> expire(long nowMillis) {
        List<AttemptId> expired = new ArrayList<>();
        Iterator<Map.Entry<AttemptId, Long>> it = deadlines.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<AttemptId, Long> e = it.next();
            if (e.getValue() <= nowMillis) {
                expired.add(e.getKey());
                it.remove();
            }
        }
        return expired;
    }

    int size() {
        return deadlines.size();
    }
}
