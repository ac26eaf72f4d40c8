package io.modelcompose.gateway.live;

import io.modelcompose.shared.event.RunSnapshot;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A live picture of the set for the web UI: the latest runs, a push of every run change, each run's job attempts and
 * the workers alive. Implemented by a run backend that reads the set's topics; {@link #none()} knows nothing.
 */
public interface LiveView {

    /** Calls {@code listener} with every new snapshot of any run (on any thread) until the handle is closed. */
    AutoCloseable onRunChange(Consumer<RunSnapshot> listener);

    /** The latest snapshots of the most recently created runs, newest first, at most {@code limit}. */
    List<RunSnapshot> recentRuns(int limit);

    /** The job attempts of a run seen since this gateway began to watch jobs; empty when none were seen. */
    Optional<RunTimeline> timeline(String runId);

    /** Workers alive and the jobs running now. */
    ClusterState cluster();

    /** A view that sees nothing (a backend that does not read the set's topics). */
    static LiveView none() {
        return new LiveView() {
            @Override
            public AutoCloseable onRunChange(Consumer<RunSnapshot> listener) {
                return () -> { };
            }

            @Override
            public List<RunSnapshot> recentRuns(int limit) {
                return List.of();
            }

            @Override
            public Optional<RunTimeline> timeline(String runId) {
                return Optional.empty();
            }

            @Override
            public ClusterState cluster() {
                return new ClusterState(List.of(), List.of());
            }
        };
    }
}
