package io.modelcompose.shared.transport;

import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
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
 * dead-letter topic too.
 */
public final class ConsumerLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLoop.class);
    /**
     * Commits are grouped: at most one per interval (and one at close or revocation), since each is a write on the
     * broker. A crash replays at most this much more, which every handler tolerates (at-least-once delivery).
     */
    private static final long COMMIT_INTERVAL_NANOS = 50_000_000L;
    private final KafkaConsumer<String, byte[]> consumer;
    private final EventHandler handler;
    private final EventProducer deadLetters;
    private final String deadLetterTopic;
    private final String name;
    private final int maxInFlight;
    private final Function<String, String> commitMetadata;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean paused;
    private long lastCommitNanos;
    private final Map<TopicPartition, PartitionProgress> progress = new HashMap<>();
    private final ConcurrentLinkedQueue<Runnable> completions = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private final CompletableFuture<Void> positioned = new CompletableFuture<>();
    private final KafkaClientMetrics clientMetrics;

    private ConsumerLoop(Builder b) {
        this.handler = b.handler;
        this.deadLetters = b.deadLetters;
        this.deadLetterTopic = b.deadLetterTopic;
        this.name = b.name;
        this.maxInFlight = b.maxInFlight;
        this.commitMetadata = b.commitMetadata;
        this.consumer = new KafkaConsumer<>(b.properties(), new StringDeserializer(), new ByteArrayDeserializer());
        this.clientMetrics = b.meterRegistry == null ? null : new KafkaClientMetrics(consumer);
        if (clientMetrics != null) {
            clientMetrics.bindTo(b.meterRegistry);
        }
        this.thread = new Thread(() -> run(b), "kafka-" + b.name);
        this.thread.setDaemon(true);
    }

    public static Builder builder(String bootstrapServers, String name) {
        return new Builder(bootstrapServers, name);
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

    private void run(Builder b) {
        try {
            if (b.assignAll) {
                List<TopicPartition> partitions = b.topics.stream()
                        .flatMap(t -> consumer.partitionsFor(t, Duration.ofSeconds(30)).stream()
                                .map(p -> new TopicPartition(t, p.partition())))
                        .toList();
                consumer.assign(partitions);
                if (b.committedListener != null) {
                    Map<String, String> committed = new HashMap<>();
                    consumer.committed(new java.util.HashSet<>(partitions)).forEach((tp, offset) -> committed.put(
                            tp.topic() + "-" + tp.partition(), offset == null ? "" : offset.metadata()));
                    b.committedListener.accept(committed);
                }
                if (b.startAt == Start.BEGINNING) {
                    consumer.seekToBeginning(partitions);
                } else if (b.startAt == Start.END) {
                    consumer.seekToEnd(partitions);
                }
                partitions.forEach(tp -> progress.put(tp, new PartitionProgress()));
                partitions.forEach(consumer::position);
            } else {
                consumer.subscribe(b.topics, new Rebalance());
            }
            positioned.complete(null);
            while (running.get()) {
                drainCompletions();
                records(b.pollMillis).forEach(this::dispatch);
                drainCompletions();
                if (System.nanoTime() - lastCommitNanos >= COMMIT_INTERVAL_NANOS) {
                    commitReady(b.commit);
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
            positioned.completeExceptionally(new IllegalStateException("consumer " + name + " stopped"));
            try {
                drainCompletions();
                commitReady(b.commit);
            } catch (RuntimeException e) {
                LOG.debug("final commit of {} failed: {}", name, e.toString());
            }
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** One poll; a wake-up (a finished record while paused, or {@link #close()}) just ends it early. */
    private ConsumerRecords<String, byte[]> records(long pollMillis) {
        try {
            return consumer.poll(Duration.ofMillis(pollMillis));
        } catch (WakeupException e) {
            return ConsumerRecords.empty();
        }
    }

    private void dispatch(ConsumerRecord<String, byte[]> record) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        PartitionProgress partition = progress.computeIfAbsent(tp, k -> new PartitionProgress());
        partition.started(record.offset());
        RecordPosition position = new RecordPosition(record.topic(), record.partition(), record.offset());
        ComposeEvent event;
        try {
            event = EventCodec.decode(record.value());
        } catch (ComposeException e) {
            deadLetter(record, e.getMessage());
            partition.finished(record.offset());
            return;
        }
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
                deadLetter(record, rejected.getMessage());
            } else if (cause != null) {
                LOG.error("consumer {}: handling {} at {} failed: {}", name, event.getClass().getSimpleName(),
                        position, cause.toString());
            }
            completions.add(() -> {
                inFlight.decrementAndGet();
                partition.finished(record.offset());
            });
            if (paused) {
                // resume without waiting for the poll to time out: the broker holds an idle fetch for long
                consumer.wakeup();
            }
        });
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        LOG.warn("consumer {}: record {}-{}@{} sent to the dead-letter topic: {}", name, record.topic(),
                record.partition(), record.offset(), reason);
        if (deadLetters != null) {
            DeadLetter letter = new DeadLetter(1, record.topic(), record.partition(), record.offset(), record.key(),
                    EventCodec.preview(record.value(), 65_536), reason, name);
            deadLetters.send(deadLetterTopic, letter);
        }
    }

    private void drainCompletions() {
        Runnable r;
        while ((r = completions.poll()) != null) {
            r.run();
        }
    }

    private void commitReady(boolean commit) {
        lastCommitNanos = System.nanoTime();
        if (!commit) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        progress.forEach((tp, p) -> p.committable(metadataOf(tp)).ifPresent(o -> offsets.put(tp, o)));
        if (!offsets.isEmpty()) {
            consumer.commitAsync(offsets, (done, error) -> {
                if (error != null) {
                    LOG.debug("commit of {} failed: {}", name, error.toString());
                }
            });
        }
    }

    private String metadataOf(TopicPartition tp) {
        return commitMetadata == null ? null : commitMetadata.apply(tp.topic() + "-" + tp.partition());
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

    /** Where an assigned reader starts. */
    private enum Start { BEGINNING, END, COMMITTED }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            drainCompletions();
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (TopicPartition tp : partitions) {
                PartitionProgress p = progress.remove(tp);
                if (p != null) {
                    p.committable(metadataOf(tp)).ifPresent(o -> offsets.put(tp, o));
                }
            }
            if (!offsets.isEmpty()) {
                try {
                    consumer.commitSync(offsets);
                } catch (RuntimeException e) {
                    LOG.debug("commit on revoke of {} failed: {}", name, e.toString());
                }
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            partitions.forEach(tp -> progress.put(tp, new PartitionProgress()));
        }
    }

    /** Settings of a loop. */
    public static final class Builder {
        private final String bootstrapServers;
        private final String name;
        private List<String> topics = List.of();
        private String groupId;
        private EventHandler handler;
        private EventProducer deadLetters;
        private String deadLetterTopic;
        private int maxInFlight = 1000;
        private boolean assignAll;
        private Start startAt = Start.COMMITTED;
        private java.util.function.Consumer<Map<String, String>> committedListener;
        private Function<String, String> commitMetadata;
        private boolean commit = true;
        private long pollMillis = 100;
        private final Map<String, Object> extra = new HashMap<>();
        private MeterRegistry meterRegistry;

        private Builder(String bootstrapServers, String name) {
            this.bootstrapServers = bootstrapServers;
            this.name = name;
        }

        /** Joins consumer group {@code groupId} on these topics; offsets are committed to the group. */
        public Builder subscribe(String group, List<String> topicNames) {
            this.groupId = group;
            this.topics = topicNames;
            return this;
        }

        /** Reads every partition of these topics without a group, from the beginning or from the end. */
        public Builder assignAll(List<String> topicNames, boolean beginning) {
            this.topics = topicNames;
            this.assignAll = true;
            this.startAt = beginning ? Start.BEGINNING : Start.END;
            this.commit = false;
            return this;
        }

        /**
         * Reads every partition of these topics as the only reader, resuming from the offsets committed for
         * {@code group} (the beginning if none), and commits progress there; no group membership is used.
         */
        public Builder assignAllCommitted(String group, List<String> topicNames) {
            this.topics = topicNames;
            this.groupId = group;
            this.assignAll = true;
            this.startAt = Start.COMMITTED;
            this.commit = true;
            return this;
        }

        /**
         * With {@link #assignAllCommitted}: told the metadata committed with each partition's offset
         * ({@code topic-partition} → metadata, "" when none) before reading.
         */
        public Builder onCommitted(java.util.function.Consumer<Map<String, String>> listener) {
            this.committedListener = listener;
            return this;
        }

        /** Metadata stored with each commit, by {@code topic-partition} (null for none); called on the loop thread. */
        public Builder commitMetadata(Function<String, String> metadata) {
            this.commitMetadata = metadata;
            return this;
        }

        public Builder handler(EventHandler eventHandler) {
            this.handler = eventHandler;
            return this;
        }

        public Builder deadLetters(EventProducer producer, String topic) {
            this.deadLetters = producer;
            this.deadLetterTopic = topic;
            return this;
        }

        public Builder maxInFlight(int max) {
            this.maxInFlight = max;
            return this;
        }

        public Builder pollMillis(long millis) {
            this.pollMillis = millis;
            return this;
        }

        /** Binds the consumer's client metrics (records lag, fetch rates) to this registry; null binds nothing. */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meterRegistry = registry;
            return this;
        }

        public Builder property(String key, Object value) {
            extra.put(key, value);
            return this;
        }

        public ConsumerLoop build() {
            return new ConsumerLoop(this);
        }

        Properties properties() {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
            // The broker answers a fetch as soon as a record arrives; the wait only bounds idle fetches, which cost both JVMs
            props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500);
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
            props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                    "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
            props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
            props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000);
            if (groupId != null) {
                props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
            }
            props.putAll(extra);
            return props;
        }
    }
}
