package io.modelcompose.runtimeagent;

import io.modelcompose.runtimeagent.container.ContainerService;
import io.modelcompose.runtimeagent.ContainerObservation.Change;
import io.modelcompose.shared.event.AgentEvents.Kind;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inspects the agent's containers every {@code interval} (the next round starts only when the last one ended) and
 * reports what changed: started, restarted, exited, healthy, unhealthy, removed. State lives on the agent's context;
 * the inspections run on the docker executor.
 */
final class ContainerWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerWatcher.class);

    /** A watched container. */
    private record Watched(String project, String service, ContainerObservation last) {
    }

    /** Receives what the watcher saw. */
    @FunctionalInterface
    interface Sink {
        void report(Kind kind, String project, String service, String containerId, String detail);
    }

    private final Context context;
    private final ContainerService containers;
    private final Duration interval;
    private final Sink sink;
    private final Map<String, Watched> watched = new HashMap<>();
    private long timerId = -1;
    private boolean stopped;

    ContainerWatcher(Context context, ContainerService containers, Duration interval, Sink sink) {
        this.context = context;
        this.containers = containers;
        this.interval = interval;
        this.sink = sink;
    }

    /** Starts watching a container from {@code baseline} (on the agent's context). */
    void watch(String id, String project, String service, ContainerObservation baseline) {
        watched.put(id, new Watched(project, service, baseline));
    }

    /** Stops watching a container (before the agent removes it, so that the removal is reported once). */
    void forget(String id) {
        watched.remove(id);
    }

    int size() {
        return watched.size();
    }

    void start() {
        schedule();
    }

    void stop() {
        stopped = true;
        if (timerId >= 0) {
            context.owner().cancelTimer(timerId);
        }
    }

    private void schedule() {
        if (!stopped) {
            timerId = context.owner().setTimer(Math.max(1, interval.toMillis()), id -> pollAll().onComplete(ar -> schedule()));
        }
    }

    private Future<Void> pollAll() {
        List<Future<Void>> polls = new ArrayList<>();
        for (String id : List.copyOf(watched.keySet())) {
            polls.add(poll(id));
        }
        return Future.join(polls).mapEmpty();
    }

    private Future<Void> poll(String id) {
        return Future.fromCompletionStage(containers.inspect(id), context)
                .map(found -> {
                    Watched entry = watched.get(id);
                    if (entry == null) {
                        return null;
                    }
                    if (found.isEmpty()) {
                        watched.remove(id);
                        sink.report(Kind.REMOVED, entry.project(), entry.service(), id, "removed outside the agent");
                        return null;
                    }
                    ContainerObservation next = ContainerObservation.of(found.get());
                    for (Change change : next.changesSince(entry.last())) {
                        sink.report(change.kind(), entry.project(), entry.service(), id, change.detail());
                    }
                    watched.put(id, new Watched(entry.project(), entry.service(), next));
                    return (Void) null;
                })
                .recover(failure -> {
                    LOG.debug("inspecting container {} failed: {}", id, failure.toString());
                    return Future.succeededFuture();
                });
    }
}
