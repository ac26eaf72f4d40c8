package io.modelcompose.gateway.kafka;

import io.modelcompose.gateway.live.ClusterState;
import io.modelcompose.gateway.live.LiveView;
import io.modelcompose.gateway.live.RecentRuns;
import io.modelcompose.gateway.live.RunTimeline;
import io.modelcompose.gateway.live.TimelineBook;
import io.modelcompose.shared.event.ComposeEvent;
import io.modelcompose.shared.event.JobEvents.JobDispatched;
import io.modelcompose.shared.event.JobEvents.JobFinished;
import io.modelcompose.shared.event.JobEvents.JobHeartbeat;
import io.modelcompose.shared.event.JobEvents.LeaseExpired;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.ServiceHeartbeat;
import io.modelcompose.transport.ConsumerLoop;
import io.modelcompose.transport.EventProducer;
import io.modelcompose.transport.KafkaSettings;
import io.modelcompose.transport.RecordPosition;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The live view over Kafka: run changes from the gateway's run-state view, and the job attempts of recent runs from a
 * reader of the jobs, runs and leases topics that starts at their end (no group, so it takes no work from anyone).
 * Times are when this gateway saw each event, except an attempt's start, which its worker states.
 */
final class KafkaLiveView implements LiveView, AutoCloseable {
    private static final int RECENT_RUNS = 500;
    private static final int TIMELINE_RUNS = 2_000;
    private static final long WORKER_STALE_MILLIS = 10_000;
    private final RunStateView view;
    private final Map<String, ServiceHeartbeat> services;
    private final RecentRuns recent = new RecentRuns(RECENT_RUNS);
    private final TimelineBook timelines = new TimelineBook(TIMELINE_RUNS);
    private final AutoCloseable recentFeed;
    private final ConsumerLoop jobEvents;

    KafkaLiveView(RunStateView view, Map<String, ServiceHeartbeat> services, KafkaSettings kafka,
            EventProducer producer) {
        this.view = view;
        this.services = services;
        this.recentFeed = view.listen(recent::update);
        var topics = kafka.topics();
        this.jobEvents = kafka.consumer("gateway-jobs-" + kafka.instanceId())
                .assignAll(List.of(topics.jobs(), topics.runs(), topics.leases()), false)
                .deadLetters(producer, topics.deadLetter())
                .handler(this::onJobEvent).build().start();
    }

    private CompletionStage<?> onJobEvent(ComposeEvent event, RecordPosition position) {
        long now = System.currentTimeMillis();
        if (event instanceof JobDispatched d) {
            timelines.dispatched(d.attemptId(), d.workflowId(), d.jobId(), d.componentRef(), now);
        } else if (event instanceof JobHeartbeat h) {
            timelines.heartbeat(h.attemptId(), h.workerId(), h.atMillis());
        } else if (event instanceof JobFinished f) {
            timelines.finished(f.attemptId(), f.workerId(), f.succeeded(), f.error(), f.startedAtMillis(), now);
        } else if (event instanceof LeaseExpired e) {
            timelines.leaseExpired(e.attemptId(), now);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public AutoCloseable onRunChange(Consumer<RunSnapshot> listener) {
        return view.listen(listener);
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
        long cutoff = System.currentTimeMillis() - WORKER_STALE_MILLIS;
        Map<String, Integer> running = timelines.runningByWorker();
        Collection<ServiceHeartbeat> beats = services.values();
        List<ClusterState.Worker> workers = beats.stream()
                .filter(b -> b.role().equals("worker") && b.atMillis() >= cutoff)
                .map(b -> new ClusterState.Worker(b.instanceId(), b.atMillis(), running.getOrDefault(b.instanceId(), 0)))
                .sorted(java.util.Comparator.comparing(ClusterState.Worker::instanceId))
                .toList();
        List<ClusterState.ComponentLoad> components = timelines.inFlightByComponent().entrySet().stream()
                .map(e -> new ClusterState.ComponentLoad(e.getKey(), e.getValue())).toList();
        return new ClusterState(workers, components);
    }

    @Override
    public void close() {
        try {
            recentFeed.close();
        } catch (Exception e) {
            // removing a listener does not fail
        }
        jobEvents.close();
    }
}
