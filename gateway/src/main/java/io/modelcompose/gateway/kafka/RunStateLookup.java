package io.modelcompose.gateway.kafka;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.event.ComposeEvent;
import io.modelcompose.shared.event.EventCodec;
import io.modelcompose.shared.event.RunEvents.RunState;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.transport.ClientDefaults;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Reads a run's latest state back from the compacted run-state topic, for runs this gateway no longer holds. The
 * topic is keyed by run id, so one partition is scanned: from shortly before the run's creation (a time-ordered id
 * says when) or from the beginning (an id derived from an idempotency key), until its terminal state or the end.
 * Scans run one at a time on a thread of their own ({@value #THREAD_NAME}) with a bounded queue and a deadline, never
 * on an event loop; terminal answers are cached briefly and concurrent asks for one run share a scan.
 */
final class RunStateLookup implements AutoCloseable {
    static final String THREAD_NAME = "compose-gateway-run-lookup";
    /** How far before a run's creation its first state record may carry a timestamp (clocks of other hosts). */
    static final long CLOCK_MARGIN_MILLIS = 60_000;
    private static final int QUEUE = 64;
    private final String bootstrapServers;
    private final String topic;
    private final String clientId;
    private final Duration timeout;
    private final LookupCache cache;
    private final Map<String, CompletableFuture<Optional<RunSnapshot>>> inFlight = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor executor;
    /** Used only on the executor's thread. */
    private KafkaConsumer<String, byte[]> consumer;
    private int partitions;

    RunStateLookup(String bootstrapServers, String topic, String clientId, Duration timeout, Duration cacheFor) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.clientId = clientId;
        this.timeout = timeout;
        this.cache = new LookupCache(512, cacheFor.toMillis());
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, THREAD_NAME);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The run's latest state on the topic, or empty when the topic has none (or the id cannot be a run id). Fails
     * with {@link ErrorCode#UNAVAILABLE} when Kafka does not answer in time or too many reads wait already.
     */
    CompletableFuture<Optional<RunSnapshot>> find(String runId) {
        if (!RunIdTimes.isRunId(runId)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Optional<RunSnapshot> cached = cache.get(runId, System.currentTimeMillis());
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        CompletableFuture<Optional<RunSnapshot>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<RunSnapshot>> running = inFlight.putIfAbsent(runId, mine);
        if (running != null) {
            return running;
        }
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        mine.whenComplete((found, error) -> {
            inFlight.remove(runId, mine);
            if (error == null && worthKeeping(found)) {
                cache.put(runId, found, System.currentTimeMillis());
            }
        });
        try {
            executor.execute(() -> {
                try {
                    mine.complete(scan(runId, deadline));
                } catch (RuntimeException e) {
                    mine.completeExceptionally(unavailable(e));
                }
            });
        } catch (RejectedExecutionException e) {
            mine.completeExceptionally(new ComposeException(ErrorCode.UNAVAILABLE,
                    "too many finished runs are being read back from Kafka; try again later"));
        }
        return mine;
    }

    /**
     * Only a terminal state is kept: it is the run's last word. "None" is not, since the run may be requested right
     * after (a first idempotency key is looked up before its run exists), nor is a state that may still change.
     */
    static boolean worthKeeping(Optional<RunSnapshot> found) {
        return found.isPresent() && found.get().status().isTerminal();
    }

    private Optional<RunSnapshot> scan(String runId, long deadline) {
        KafkaConsumer<String, byte[]> c = consumer();
        TopicPartition tp = new TopicPartition(topic, partitionOf(runId, c, deadline));
        c.assign(List.of(tp));
        try {
            long end = c.endOffsets(List.of(tp), remaining(deadline)).get(tp);
            Long start = startOffset(runId, c, tp, deadline);
            if (start == null || start >= end) {
                return Optional.empty();
            }
            c.seek(tp, start);
            RunSnapshot latest = null;
            while (c.position(tp, remaining(deadline)) < end) {
                for (ConsumerRecord<String, byte[]> rec : c.poll(Duration.ofMillis(Math.min(200,
                        remaining(deadline).toMillis())))) {
                    if (rec.offset() < end && runId.equals(rec.key())) {
                        latest = rec.value() == null ? null : later(latest, decode(rec.value()));
                        if (latest != null && latest.status().isTerminal()) {
                            return Optional.of(latest); // the first terminal state is the run's last word
                        }
                    }
                }
            }
            return Optional.ofNullable(latest);
        } finally {
            c.assign(List.of()); // drops what was fetched ahead
        }
    }

    private Long startOffset(String runId, KafkaConsumer<String, byte[]> c, TopicPartition tp, long deadline) {
        long created = RunIdTimes.createdAtMillis(runId);
        if (created < 0) {
            return c.beginningOffsets(List.of(tp), remaining(deadline)).get(tp);
        }
        OffsetAndTimestamp at = c.offsetsForTimes(Map.of(tp, Math.max(0, created - CLOCK_MARGIN_MILLIS)),
                remaining(deadline)).get(tp);
        return at == null ? null : at.offset(); // null: every record is older than the run
    }

    private int partitionOf(String runId, KafkaConsumer<String, byte[]> c, long deadline) {
        if (partitions == 0) {
            partitions = c.partitionsFor(topic, remaining(deadline)).size();
        }
        // the producer's default partitioner for keyed records
        return Utils.toPositive(Utils.murmur2(runId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static RunSnapshot decode(byte[] value) {
        ComposeEvent event = EventCodec.decode(value);
        if (event instanceof RunState state && state.snapshot() != null && state.snapshot().status() != null) {
            return state.snapshot();
        }
        return null;
    }

    private static RunSnapshot later(RunSnapshot known, RunSnapshot incoming) {
        if (known == null || incoming == null) {
            return incoming == null ? known : incoming;
        }
        return incoming.status().ordinal() >= known.status().ordinal() ? incoming : known;
    }

    private static Duration remaining(long deadline) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
            throw new ComposeException(ErrorCode.UNAVAILABLE, "reading the run back from Kafka took too long");
        }
        return Duration.ofMillis(left);
    }

    private static ComposeException unavailable(RuntimeException e) {
        return e instanceof ComposeException ce && ce.code() == ErrorCode.UNAVAILABLE ? ce
                : new ComposeException(ErrorCode.UNAVAILABLE, "cannot read the run back from Kafka: "
                        + e.getClass().getSimpleName());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        if (consumer == null) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1_000);
            // bounded memory: a scan holds one fetch at a time
            props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 2 * 1024 * 1024);
            props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 * 1024 * 1024);
            props.put(ConsumerConfig.CONNECTIONS_MAX_IDLE_MS_CONFIG, ClientDefaults.CONNECTIONS_MAX_IDLE_MS);
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        }
        return consumer;
    }

    /** Scans waiting or running (for tests and metrics). */
    int queued() {
        return executor.getQueue().size() + executor.getActiveCount();
    }

    @Override
    public void close() {
        try {
            executor.execute(() -> {
                if (consumer != null) {
                    consumer.close(Duration.ofSeconds(2));
                }
            });
            executor.shutdown();
        } catch (RejectedExecutionException e) {
            executor.shutdownNow(); // the consumer's thread dies with its pool; a daemon thread in any case
        }
    }
}
