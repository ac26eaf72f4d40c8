package io.modelcompose.worker.queue;

import io.modelcompose.shared.config.QueueConfig;
import io.modelcompose.shared.event.RunEvents.RunRequested;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.Topics;
import io.modelcompose.transport.KafkaSettings;
import io.modelcompose.worker.component.RemoteRuns;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remote runs over Kafka: one {@link QueueConnection} per queue (cluster and name), opened at its first run. The
 * queue's cluster is its {@code bootstrap_servers}, else this worker's own. Everything that may block (topic
 * creation, positioning, a send waiting for metadata) runs on a small named executor, never on an event loop.
 */
public final class KafkaRemoteRuns implements RemoteRuns, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaRemoteRuns.class);
    private static final int THREADS = 2;
    private final KafkaSettings own;
    private final WorkerExecutor blocking;
    private final Map<String, QueueConnection> connections = new HashMap<>();

    public KafkaRemoteRuns(Vertx vertx, KafkaSettings own) {
        this.own = own;
        this.blocking = vertx.createSharedWorkerExecutor("compose-queue-dispatch", THREADS);
    }

    @Override
    public CompletionStage<RunSnapshot> run(QueueConfig queue, RunRequested request) {
        return blocking.executeBlocking(() -> connection(queue).run(request), false).toCompletionStage()
                .thenCompose(finished -> finished);
    }

    @Override
    public void cancel(QueueConfig queue, String runId) {
        blocking.executeBlocking(() -> connection(queue).cancel(runId), false)
                .onFailure(e -> LOG.warn("cancelling remote run {} on queue '{}': {}", runId, queue.name(),
                        e.getMessage()));
    }

    @Override
    public void forget(QueueConfig queue, String runId) {
        QueueConnection connection;
        synchronized (connections) {
            connection = connections.get(key(queue));
        }
        if (connection != null) {
            connection.forget(runId);
        }
    }

    private QueueConnection connection(QueueConfig queue) {
        synchronized (connections) {
            return connections.computeIfAbsent(key(queue), k -> new QueueConnection(own.clients(),
                    servers(queue), new Topics(queue.name(), own.topics().jobPartitions(),
                    own.topics().runPartitions()), "worker-queue-" + queue.name() + "-" + own.instanceId()));
        }
    }

    private String servers(QueueConfig queue) {
        return queue.bootstrapServers() == null ? own.bootstrapServers() : queue.bootstrapServers();
    }

    private String key(QueueConfig queue) {
        return servers(queue) + "|" + queue.name();
    }

    /** Blocks briefly: closes every connection (their waiting runs fail). */
    @Override
    public void close() {
        synchronized (connections) {
            connections.values().forEach(QueueConnection::close);
            connections.clear();
        }
        blocking.close();
    }
}
