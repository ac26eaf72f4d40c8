package io.modelcompose.gateway.live;

import io.modelcompose.shared.event.RunSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest snapshot of the most recently seen runs, at most {@code maxRuns} (the runs seen first go first).
 * A snapshot never replaces one further along (a terminal state stays). Thread-safe.
 */
public final class RecentRuns {
    private final Map<String, RunSnapshot> runs;

    public RecentRuns(int maxRuns) {
        if (maxRuns < 1) {
            throw new IllegalArgumentException("maxRuns must be positive: " + maxRuns);
        }
        this.runs = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RunSnapshot> eldest) {
                return size() > maxRuns;
            }
        };
    }

    public synchronized void update(RunSnapshot snapshot) {
        runs.merge(snapshot.runId(), snapshot, (known, incoming) -> known.status().isTerminal()
                || incoming.status().ordinal() < known.status().ordinal() ? known : incoming);
    }

    /** Newest first, at most {@code limit}. */
    public synchronized List<RunSnapshot> newest(int limit) {
        List<RunSnapshot> all = new ArrayList<>(runs.values());
        List<RunSnapshot> newest = new ArrayList<>(Math.min(limit, all.size()));
        for (int i = all.size() - 1; i >= 0 && newest.size() < limit; i--) {
            newest.add(all.get(i));
        }
        return newest;
    }
}
