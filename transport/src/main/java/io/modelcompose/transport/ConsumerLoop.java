package io.modelcompose.transport;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.event.ComposeEvent;
import io.modelcompose.shared.event.DeadLetter;
import io.modelcompose.shared.event.EventCodec;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls topics on its own named thread (never an event loop), decodes each record and hands it to an
 * {@link EventHandler}. A record that cannot be decoded goes to the dead-letter topic with the reason and the loop
 * carries on. Offsets are committed per partition only up to the last record whose handling completed, so nothing is
 * skipped after a crash. When {@code maxInFlight} records are being handled the partitions are paused. A handler that
 * fails with a {@link ComposeException} of code {@link ErrorCode#BAD_REQUEST} rejects the record: it goes to the
 * dead-letter topic too. Records written by this process may reach the handler before the fetch brings them
 * ({@link LocalDelivery}, through the loop's {@link LocalFeed}), in the same order and once only. The handler is only
 * ever called from the loop's thread.
 */
public final class ConsumerLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLoop.class);
    /**
     * Commits are grouped: at most one per interval (and one at close or revocation), since each is a write on the
     * broker. A crash replays at most this much more, which every handler tolerates (at-least-once delivery).
     */
    private static final long COMMIT_INTERVAL_NANOS = 50_000_000L;
    private final KafkaConsumer<String, byte[]> consumer;
    private final ConsumerSettings settings;
    private final LocalDelivery localDelivery;
    private final EventHandler handler;
    private final String name;
    private final int maxInFlight;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean paused;
    private long lastCommitNanos;
    private final Map<TopicPartition, PartitionProgress> progress = new HashMap<>();
    /** Held records are released by the loop itself, after draining completions (which wake it while it holds). */
    private final PartitionFeeds feeds = new PartitionFeeds(() -> { });
    private final LocalFeed localFeed = new LocalFeed(this::wakeUp);
    /** Records handed over as local delivery brought them (written by the loop's thread only). */
    private volatile long locallyHandedOver;
    private final ConcurrentLinkedQueue<Runnable> completions = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private final CompletableFuture<Void> positioned = new CompletableFuture<>();
    private final KafkaClientMetrics clientMetrics;

    /** {@code localDelivery}: the registry of this process's {@link KafkaClients}, or null when it is off. */
    ConsumerLoop(ConsumerSettings settings, LocalDelivery localDelivery) {
        this.settings = settings;
        this.localDelivery = localDelivery;
        this.handler = settings.handler();
        this.name = settings.name();
        this.maxInFlight = settings.maxInFlight();
        this.consumer = new KafkaConsumer<>(settings.properties(), new StringDeserializer(),
                new ByteArrayDeserializer());
        this.clientMetrics = settings.meterRegistry() == null ? null : new KafkaClientMetrics(consumer);
        if (clientMetrics != null) {
            clientMetrics.bindTo(settings.meterRegistry());
        }
        this.thread = new Thread(this::run, "kafka-" + settings.name());
        this.thread.setDaemon(true);
    }

    /** Starts polling. */
    public ConsumerLoop start() {
        thread.start();
        return this;
    }

    /**
     * Completes once an assigned reader knows where it reads from in every partition, so that no record written
     * afterwards can be missed by a reader that starts at the end; a group member completes it once subscribed.
     * Fails if the loop stops before.
     */
    public CompletableFuture<Void> positioned() {
        return positioned;
    }

    private void run() {
        try {
            if (settings.assignAll()) {
                assignAll();
            } else {
                consumer.subscribe(settings.topics(), new Rebalance());
            }
            if (localDelivery != null) {
                localDelivery.register(settings.bootstrapServers(), settings.topics(), localFeed);
            }
            positioned.complete(null);
            while (running.get()) {
                localFeed.drain(this::local);
                drainCompletionsThenRelease();
                records(settings.pollMillis()).forEach(this::fetched);
                localFeed.drain(this::local);
                drainCompletionsThenRelease();
                if (System.nanoTime() - lastCommitNanos >= COMMIT_INTERVAL_NANOS) {
                    commitReady();
                }
                applyBackPressure();
            }
        } catch (WakeupException e) {
            if (running.get()) {
                LOG.error("consumer {} woken up unexpectedly", name, e);
            }
        } catch (RuntimeException e) {
            LOG.error("consumer {} stopped: {}", name, e.toString(), e);
        } finally {
            if (localDelivery != null) {
                localDelivery.unregister(settings.bootstrapServers(), settings.topics(), localFeed);
            }
            localFeed.clear();
            feeds.clear();
            positioned.completeExceptionally(new IllegalStateException("consumer " + name + " stopped"));
            try {
                drainCompletions();
                commitReady();
            } catch (RuntimeException e) {
                LOG.debug("final commit of {} failed: {}", name, e.toString());
            }
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void assignAll() {
        List<TopicPartition> partitions = settings.topics().stream()
                .flatMap(t -> consumer.partitionsFor(t, Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(t, p.partition())))
                .toList();
        consumer.assign(partitions);
        if (settings.assignedListener() != null) {
            settings.assignedListener().accept(partitions);
        }
        if (settings.startAt() == ConsumerSettings.Start.BEGINNING) {
            consumer.seekToBeginning(partitions);
        } else if (settings.startAt() == ConsumerSettings.Start.END) {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(this::startReading);
    }

    private void startReading(TopicPartition tp) {
        PartitionProgress partition = new PartitionProgress();
        progress.put(tp, partition);
        feeds.assigned(tp, consumer.position(tp), partition);
    }

    /**
     * One poll, skipped while local records are queued; a wake-up (a local record, a finished record while paused or
     * holding, or {@link #close()}) just ends it early.
     */
    private ConsumerRecords<String, byte[]> records(long pollMillis) {
        if (!localFeed.beforePoll()) {
            return ConsumerRecords.empty();
        }
        try {
            return consumer.poll(Duration.ofMillis(pollMillis));
        } catch (WakeupException e) {
            return ConsumerRecords.empty();
        } finally {
            localFeed.pollEnded();
        }
    }

    private void fetched(ConsumerRecord<String, byte[]> record) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        PartitionProgress partition = progress.computeIfAbsent(tp, k -> new PartitionProgress());
        feeds.fetched(tp, record.offset(), () -> handOverFetched(record, partition));
    }

    private void handOverFetched(ConsumerRecord<String, byte[]> record, PartitionProgress partition) {
        long offset = record.offset();
        partition.started(offset);
        RecordPosition position = new RecordPosition(record.topic(), record.partition(), offset);
        ComposeEvent event;
        try {
            event = EventCodec.decode(record.value());
        } catch (ComposeException e) {
            deadLetter(position, record.key(), record.value(), e.getMessage());
            partition.finished(offset);
            return;
        }
        handOver(event, position, record.key(), record.value(), () -> partition.finished(offset));
    }

    /**
     * A record this process wrote (taken from the local feed): handed over if it is next in its partition. It is
     * decoded only then, so a record the fetch brought first is not decoded twice.
     */
    private void local(LocalFeed.LocalRecord record) {
        long offset = record.offset();
        RecordPosition position = new RecordPosition(record.topic(), record.partition(), offset);
        feeds.local(new TopicPartition(record.topic(), record.partition()), offset, this::hasRoom,
                partition -> {
                    locallyHandedOver++;
                    partition.started(offset);
                    ComposeEvent event;
                    try {
                        event = EventCodec.decode(record.value());
                    } catch (ComposeException e) {
                        deadLetter(position, record.key(), record.value(), e.getMessage());
                        partition.finished(offset);
                        return;
                    }
                    handOver(event, position, record.key(), record.value(), () -> partition.finished(offset));
                });
    }

    /** Completions first: they make the room that held records wait for. */
    private void drainCompletionsThenRelease() {
        drainCompletions();
        feeds.release(this::hasRoom);
    }

    private void wakeUp() {
        consumer.wakeup();
    }

    private boolean hasRoom() {
        return inFlight.get() < maxInFlight;
    }

    /** Calls the handler; once it is done, {@code finished} runs on the loop's thread. */
    private void handOver(ComposeEvent event, RecordPosition position, String key, byte[] value,
            Runnable finished) {
        inFlight.incrementAndGet();
        CompletableFuture<Object> handled;
        try {
            handled = handler.handle(event, position).toCompletableFuture().thenApply(x -> x);
        } catch (RuntimeException e) {
            handled = CompletableFuture.failedFuture(e);
        }
        handled.whenComplete((ok, error) -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            if (cause instanceof ComposeException rejected && rejected.code() == ErrorCode.BAD_REQUEST) {
                deadLetter(position, key, value, rejected.getMessage());
            } else if (cause != null) {
                LOG.error("consumer {}: handling {} at {} failed: {}", name, event.getClass().getSimpleName(),
                        position, cause.toString());
            }
            completions.add(() -> {
                inFlight.decrementAndGet();
                finished.run();
            });
            if (paused || feeds.holding()) {
                // resume, or hand held records over, without waiting for the poll to time out: the broker holds an
                // idle fetch for long
                consumer.wakeup();
            }
        });
    }

    private void deadLetter(RecordPosition at, String key, byte[] value, String reason) {
        LOG.warn("consumer {}: record {}-{}@{} sent to the dead-letter topic: {}", name, at.topic(), at.partition(),
                at.offset(), reason);
        if (settings.deadLetters() != null) {
            DeadLetter letter = new DeadLetter(1, at.topic(), at.partition(), at.offset(), key,
                    EventCodec.preview(value, 65_536), reason, name);
            settings.deadLetters().send(settings.deadLetterTopic(), letter);
        }
    }

    private void drainCompletions() {
        Runnable r;
        while ((r = completions.poll()) != null) {
            r.run();
        }
    }

    private void commitReady() {
        lastCommitNanos = System.nanoTime();
        if (!settings.commit()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        progress.forEach((tp, p) -> p.committable().ifPresent(o -> offsets.put(tp, o)));
        if (!offsets.isEmpty()) {
            consumer.commitAsync(offsets, (done, error) -> {
                if (error != null) {
                    LOG.debug("commit of {} failed: {}", name, error.toString());
                }
            });
        }
    }


    private void applyBackPressure() {
        var assigned = consumer.assignment();
        if (inFlight.get() >= maxInFlight) {
            consumer.pause(assigned);
            paused = true;
        } else if (paused) {
            consumer.resume(consumer.paused());
            paused = false;
        }
    }

    /** Records handed over as local delivery brought them, before their fetch. */
    long locallyHandedOver() {
        return locallyHandedOver;
    }

    /** Records being handled now. */
    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public void close() {
        if (running.compareAndSet(true, false)) {
            consumer.wakeup();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (clientMetrics != null) {
            clientMetrics.close();
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(feeds::revoked); // first: no local record may start in them from now on
            localFeed.pollEnded(); // a local record must not wake the commit below (it would abort it)
            drainCompletions();
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (TopicPartition tp : partitions) {
                PartitionProgress p = progress.remove(tp);
                if (p != null) {
                    p.committable().ifPresent(o -> offsets.put(tp, o));
                }
            }
            if (!offsets.isEmpty()) {
                try {
                    commitOnRevoke(offsets);
                } catch (RuntimeException e) {
                    LOG.debug("commit on revoke of {} failed: {}", name, e.toString());
                }
            }
        }

        /** A wake-up sent while the poll ran (a completion, a local record) aborts a commit: it is tried once more. */
        private void commitOnRevoke(Map<TopicPartition, OffsetAndMetadata> offsets) {
            try {
                consumer.commitSync(offsets);
            } catch (WakeupException e) {
                consumer.commitSync(offsets);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            partitions.forEach(ConsumerLoop.this::startReading);
        }
    }
}
