package io.modelcompose.scheduler;

import io.modelcompose.scheduler.engine.DecisionMode;
import io.modelcompose.scheduler.engine.RunCoordinator;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.event.AttemptId;
import io.modelcompose.shared.event.ComposeEvent;
import io.modelcompose.shared.event.JobEvents.JobHeartbeat;
import io.modelcompose.shared.event.Topics;
import io.modelcompose.transport.ConsumerLoop;
import io.modelcompose.transport.EventProducer;
import io.modelcompose.transport.KafkaSettings;
import io.modelcompose.transport.RecordPosition;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of the active scheduler. It reads the runs topic from the committed watermark (the first input of the
 * oldest unfinished run) and first only follows the log: the coordinator takes the slots and starts the runs its
 * predecessor's decision records say, in whatever order the partitions come ({@link DecisionMode#FOLLOW_LOG}). It
 * writes a marker into every partition; once all markers are back it has seen every decision of its predecessor and
 * decides live (dispatching what waits, starting what is pending). All coordinator calls happen on the verticle's
 * context.
 */
final class ActiveScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ActiveScheduler.class);
    private static final long SWEEP_MILLIS = 250;
    private final Vertx vertx;
    private final Context context;
    private final SchedulerOptions options;
    private final Clock clock;
    private final LeaseTable leases = new LeaseTable();
    private final KafkaSchedulerOutput output;
    private final RunCoordinator coordinator;
    private final EventProducer producer;
    private final SchedulerMetrics metrics;
    private final ReplayPhase replay;
    private final SchedulerInputs inputs;
    private volatile boolean closed;
    private ConsumerLoop runsLoop;
    private ConsumerLoop leasesLoop;
    private long sweepTimer = -1;

    ActiveScheduler(Vertx vertx, Context context, ComposeConfig config, SchedulerOptions options,
            EventProducer producer, Clock clock, SchedulerMetrics metrics) {
        this.vertx = vertx;
        this.metrics = metrics;
        this.context = context;
        this.options = options;
        this.clock = clock;
        this.producer = producer;
        this.replay = new ReplayPhase(options.kafka().instanceId() + "-" + UUID.randomUUID().toString().substring(0, 8));
        this.output = new KafkaSchedulerOutput(contextOf(vertx, context), producer::send, options.kafka().topics(),
                clock, options.leaseMillis(), leases, e -> LOG.error("publishing failed: {}", e.toString()), metrics,
                replay.activation());
        this.coordinator = new RunCoordinator(config, clock, output, DecisionMode.FOLLOW_LOG);
        this.inputs = new SchedulerInputs(config, coordinator, output, leases, replay, clock,
                options.kafka().topics().runs(), contextOf(vertx, context), this::auditDispatches);
    }

    static SchedulerContext contextOf(Vertx vertx, Context context) {
        return new SchedulerContext() {
            @Override
            public void run(Runnable task) {
                context.runOnContext(v -> task.run());
            }

            @Override
            public void later(long delayMillis, Runnable task) {
                vertx.setTimer(delayMillis, id -> context.runOnContext(v -> task.run()));
            }
        };
    }

    void start() {
        KafkaSettings kafka = options.kafka();
        Topics topics = kafka.topics();
        runsLoop = SchedulerVerticle.loop(kafka, "scheduler-runs")
                .assignAllCommitted(SchedulerVerticle.inputGroup(topics), List.of(topics.runs()))
                .onAssigned(partitions -> context.runOnContext(v -> writeMarkers(partitions.size())))
                .deadLetters(producer, topics.deadLetter())
                .maxInFlight(1_000_000)
                .meterRegistry(metrics.clientRegistry())
                .handler(this::onInput)
                .build().start();
        leasesLoop = SchedulerVerticle.loop(kafka, "scheduler-leases")
                .assignAll(List.of(topics.leases()), false)
                .deadLetters(producer, topics.deadLetter())
                .meterRegistry(metrics.clientRegistry())
                .handler(this::onHeartbeat)
                .build().start();
        sweepTimer = vertx.setPeriodic(SWEEP_MILLIS, id -> sweep());
    }

    /** Called once the runs partitions are assigned, before any is read. */
    private void writeMarkers(int partitionCount) {
        if (!closed) {
            inputs.beginReplay(partitionCount);
        }
    }

    private CompletionStage<?> onInput(ComposeEvent event, RecordPosition position) {
        CompletableFuture<Object> committed = new CompletableFuture<>();
        context.runOnContext(v -> {
            if (closed) {
                return;
            }
            try {
                // not completed when a send failed: the input stays uncommitted and the next take-over replays it
                inputs.apply(event).thenRun(() -> committed.complete(null));
            } catch (RuntimeException e) {
                committed.completeExceptionally(e);
            }
        });
        return committed;
    }

    private CompletionStage<?> onHeartbeat(ComposeEvent event, RecordPosition position) {
        if (event instanceof JobHeartbeat h) {
            long deadline = clock.millis() + options.leaseMillis();
            context.runOnContext(v -> leases.extend(h.attemptId(), deadline));
        }
        return CompletableFuture.completedFuture(null);
    }

    private void sweep() {
        if (!closed) {
            metrics.sample(coordinator);
            inputs.expireLeases(clock.millis());
        }
    }

    /** Looks on the jobs topic for dispatches of attempts granted by the predecessor (on a worker thread). */
    private CompletionStage<Set<AttemptId>> auditDispatches(Set<AttemptId> granted) {
        KafkaSettings kafka = options.kafka();
        return vertx.executeBlocking(() -> {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, "scheduler-audit-" + kafka.instanceId());
            props.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.topics().workersGroup()); // read its offsets, never commit
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                return DispatchAudit.sent(consumer, kafka.topics().jobs(), granted, Duration.ofSeconds(5));
            }
        }).toCompletionStage();
    }

    RunCoordinator coordinator() {
        return coordinator;
    }

    @Override
    public void close() {
        closed = true;
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
        }
        if (runsLoop != null) {
            runsLoop.close();
        }
        if (leasesLoop != null) {
            leasesLoop.close();
        }
        output.awaitDispatchesWrittenAhead(Duration.ofSeconds(5));
    }
}
