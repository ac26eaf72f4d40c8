package io.modelcompose.worker;

import io.modelcompose.shared.event.AttemptId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether a dispatch read now may still run. An attempt runs only while enough of its lease is left for the worker's
 * first heartbeat to reach the scheduler before the lease ends; read later (a partition taken over from a killed
 * worker holds such dispatches), the scheduler has given up on it, or is about to, and sends a successor, so running it
 * would run the job twice at once. An attempt the scheduler asked to stop before its dispatch was read never starts:
 * those cancels are remembered, the newest {@link #REMEMBERED_CANCELS} of them. Used on one thread.
 */
final class DispatchAdmission {
    static final int REMEMBERED_CANCELS = 10_000;

    /** What to do with a dispatch. */
    enum Verdict { RUN, LEASE_RAN_OUT, CANCELLED }

    private final long pickupMarginMillis;
    private final Map<AttemptId, Boolean> cancelled = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<AttemptId, Boolean> eldest) {
            return size() > REMEMBERED_CANCELS;
        }
    };

    /** @param pickupMarginMillis lease that must be left at pick-up: time for a heartbeat to arrive, and clock skew */
    DispatchAdmission(long pickupMarginMillis) {
        this.pickupMarginMillis = pickupMarginMillis;
    }

    /** The margin for a worker heartbeating every {@code heartbeatMillis}: half of that, at most a second. */
    static DispatchAdmission forHeartbeat(long heartbeatMillis) {
        return new DispatchAdmission(Math.min(1_000, Math.max(1, heartbeatMillis / 2)));
    }

    Verdict judge(AttemptId attempt, long leaseDeadlineMillis, long nowMillis) {
        if (cancelled.containsKey(attempt)) {
            return Verdict.CANCELLED;
        }
        if (leaseDeadlineMillis > 0 && nowMillis > leaseDeadlineMillis - pickupMarginMillis) {
            return Verdict.LEASE_RAN_OUT;
        }
        return Verdict.RUN;
    }

    /** The scheduler asked this attempt to stop; a dispatch of it read from now on is not run. */
    void cancelled(AttemptId attempt) {
        cancelled.put(attempt, Boolean.TRUE);
    }
}
