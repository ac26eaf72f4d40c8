package io.modelcompose.worker.queue;

import io.modelcompose.shared.event.ComposeEvent;
import io.modelcompose.shared.event.RunEvents.RunCancelRequested;
import io.modelcompose.shared.event.RunEvents.RunFinished;
import io.modelcompose.shared.event.RunEvents.RunRequested;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.Topics;
import io.modelcompose.transport.ConsumerLoop;
import io.modelcompose.transport.EventProducer;
import io.modelcompose.transport.KafkaClients;
import io.modelcompose.transport.RecordPosition;
import io.modelcompose.transport.TopicAdmin;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One queue subscriber's set as a dispatcher sees it: its runs topic (requests and cancels go there) and its
 * run-events topic, read from the end by a loop of this worker, where the outcomes of the runs it asked for arrive.
 */
final class QueueConnection implements AutoCloseable {
    private static final long POSITION_SECONDS = 30;
    private final Topics topics;
    private final EventProducer producer;
    private final ConsumerLoop outcomes;
    private final Map<String, CompletableFuture<RunSnapshot>> waiting = new ConcurrentHashMap<>();

    /** Blocks: creates the set's topics when missing (runs then wait there for it) and positions the reader. */
    QueueConnection(KafkaClients clients, String bootstrapServers, Topics topics, String clientId) {
        this.topics = topics;
        TopicAdmin.ensureTopics(bootstrapServers, topics);
        this.producer = clients.sharedProducer(bootstrapServers, clientId);
        this.outcomes = clients.consumer(bootstrapServers, clientId + "-outcomes")
                .assignAll(List.of(topics.runEvents()), false)
                .handler(this::onEvent)
                .build()
                .start();
        try {
            outcomes.positioned().get(POSITION_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("cannot read " + topics.runEvents() + ": " + e.getMessage(), e);
        }
    }

    /** Registers the wait, then publishes the request (blocks while the producer has no metadata). */
    CompletableFuture<RunSnapshot> run(RunRequested request) {
        CompletableFuture<RunSnapshot> finished = waiting.computeIfAbsent(request.runId(),
                id -> new CompletableFuture<>());
        producer.send(topics.runs(), request).whenComplete((sent, failure) -> {
            if (failure != null) {
                forget(request.runId()).completeExceptionally(failure);
            }
        });
        return finished;
    }

    CompletionStage<?> cancel(String runId) {
        return producer.send(topics.runs(), new RunCancelRequested(runId, System.currentTimeMillis()));
    }

    CompletableFuture<RunSnapshot> forget(String runId) {
        CompletableFuture<RunSnapshot> removed = waiting.remove(runId);
        return removed == null ? new CompletableFuture<>() : removed;
    }

    private CompletionStage<?> onEvent(ComposeEvent event, RecordPosition position) {
        if (event instanceof RunFinished finished) {
            CompletableFuture<RunSnapshot> waiter = waiting.remove(finished.snapshot().runId());
            if (waiter != null) {
                waiter.complete(finished.snapshot());
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        outcomes.close();
        producer.close();
        waiting.values().forEach(w -> w.completeExceptionally(new IllegalStateException("worker stopping")));
        waiting.clear();
    }
}
