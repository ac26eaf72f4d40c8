package io.modelcompose.gateway.kafka;

import io.modelcompose.gateway.run.IdempotencyClaim;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The body fingerprint each {@code Idempotency-Key} was first used with, by run id: taken in from the run-state
 * topic (so a restarted gateway knows the keys used before) and from this gateway's own submissions. Kept as long
 * as finished runs are. Thread-safe.
 */
final class KeyClaims {
    private record Held(String fingerprint, long claimedAtMillis) {
    }

    private final Map<String, Held> byRunId = new ConcurrentHashMap<>();

    /** A claim read from the topic; the first one of a run stays. */
    void taken(String runId, String fingerprint, long claimedAtMillis) {
        byRunId.putIfAbsent(runId, new Held(fingerprint, claimedAtMillis));
    }

    /**
     * Takes {@code claim} for {@code runId} unless the run has one already.
     *
     * @return true when this call took it (the claim is new and must be written to the topic)
     * @throws io.modelcompose.shared.error.ComposeException UNPROCESSABLE when the run's key was used with another body
     */
    boolean take(String runId, IdempotencyClaim claim, long nowMillis) {
        Held fresh = new Held(claim.fingerprint(), nowMillis);
        Held held = byRunId.putIfAbsent(runId, fresh);
        if (held == null) {
            return true;
        }
        claim.requireSameBody(held.fingerprint());
        return false;
    }

    /** Forgets the claim of a run whose claim could not be written (so that a retry writes it). */
    void release(String runId, IdempotencyClaim claim) {
        byRunId.computeIfPresent(runId, (id, held) -> held.fingerprint().equals(claim.fingerprint()) ? null : held);
    }

    /** Forgets claims taken before {@code cutoffMillis}. */
    void evictBefore(long cutoffMillis) {
        byRunId.values().removeIf(held -> held.claimedAtMillis() < cutoffMillis);
    }

    int size() {
        return byRunId.size();
    }
}
