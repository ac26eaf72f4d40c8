package io.modelcompose.gateway.kafka;

import io.modelcompose.shared.event.RunSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Answers of {@link RunStateLookup}, also "none", kept for a short while and for at most a number of runs. */
final class LookupCache {
    private final long ttlMillis;
    private final Map<String, Entry> entries;

    private record Entry(long expiresAtMillis, Optional<RunSnapshot> answer) {
    }

    LookupCache(int maxEntries, long ttlMillis) {
        this.ttlMillis = ttlMillis;
        this.entries = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The cached answer, or null when there is none (or it has expired). */
    synchronized Optional<RunSnapshot> get(String runId, long nowMillis) {
        Entry entry = entries.get(runId);
        if (entry == null) {
            return null;
        }
        if (entry.expiresAtMillis() <= nowMillis) {
            entries.remove(runId);
            return null;
        }
        return entry.answer();
    }

    synchronized void put(String runId, Optional<RunSnapshot> answer, long nowMillis) {
        if (ttlMillis > 0) {
            entries.put(runId, new Entry(nowMillis + ttlMillis, answer));
        }
    }
}
