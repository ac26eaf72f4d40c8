package io.modelcompose.scheduler.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Leases of dispatched attempts: extended by heartbeats, dropped on results, reported when they expire. */
final class LeaseTable {
    /**
     * One lease.
     *
     * @param runId the run
     * @param jobKey the job
     * @param attempt the attempt
     */
    record Lease(String runId, String jobKey, int attempt) {
    }

    private final Map<Lease, Long> deadlines = new HashMap<>();

    void grant(Lease lease, long deadlineMillis) {
        deadlines.put(lease, deadlineMillis);
    }

    void extend(Lease lease, long deadlineMillis) {
        deadlines.computeIfPresent(lease, (k, old) -> Math.max(old, deadlineMillis));
    }

    void drop(Lease lease) {
        deadlines.remove(lease);
    }

    /** Removes and returns the leases whose deadline has passed. */
    List<Lease> expire(long nowMillis) {
        List<Lease> expired = new ArrayList<>();
        Iterator<Map.Entry<Lease, Long>> it = deadlines.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Lease, Long> e = it.next();
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
