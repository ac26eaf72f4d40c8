package io.modelcompose.gateway.webui;

import io.modelcompose.gateway.FakeRunBackend;
import io.modelcompose.gateway.run.RunBackend;
import io.modelcompose.gateway.run.RunSubmission;
import io.modelcompose.gateway.live.ClusterState;
import io.modelcompose.gateway.live.LiveSource;
import io.modelcompose.gateway.live.LiveView;
import io.modelcompose.gateway.live.RecentRuns;
import io.modelcompose.gateway.live.RunTimeline;
import io.modelcompose.gateway.live.TimelineBook;
import io.modelcompose.shared.event.RunSnapshot;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** A {@link FakeRunBackend} with a live view the test feeds by hand. */
final class FakeLiveBackend implements RunBackend, LiveSource, LiveView {
    final FakeRunBackend runs;
    final TimelineBook timelines = new TimelineBook(10);
    private final RecentRuns recent = new RecentRuns(10);
    private final List<Consumer<RunSnapshot>> listeners = new CopyOnWriteArrayList<>();

    FakeLiveBackend(Vertx vertx) {
        this.runs = new FakeRunBackend(vertx);
    }

    /** A run changed: the recent list and every listener hear of it. */
    void publish(RunSnapshot snapshot) {
        recent.update(snapshot);
        listeners.forEach(l -> l.accept(snapshot));
    }

    int listenerCount() {
        return listeners.size();
    }

    @Override
    public Future<LiveView> startLive() {
        return Future.succeededFuture(this);
    }

    @Override
    public AutoCloseable onRunChange(Consumer<RunSnapshot> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public List<RunSnapshot> recentRuns(int limit) {
        return recent.newest(limit);
    }

    @Override
    public Optional<RunTimeline> timeline(String runId) {
        return timelines.timeline(runId);
    }

    @Override
    public ClusterState cluster() {
        return new ClusterState(List.of(new ClusterState.Worker("worker-1", System.currentTimeMillis(), 1)),
                List.of(new ClusterState.ComponentLoad("api", 1)));
    }

    @Override
    public Future<RunSnapshot> submit(RunSubmission submission) {
        return runs.submit(submission);
    }

    @Override
    public Future<RunSnapshot> awaitTerminal(String runId) {
        return runs.awaitTerminal(runId);
    }

    @Override
    public Future<RunSnapshot> get(String runId) {
        return runs.get(runId);
    }

    @Override
    public Future<RunSnapshot> cancel(String runId) {
        return runs.cancel(runId);
    }

    @Override
    public Map<String, Supplier<Future<JsonObject>>> readinessChecks() {
        return runs.readinessChecks();
    }
}
