package io.modelcompose.scheduler;

import io.micrometer.core.instrument.MeterRegistry;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.event.ServiceHeartbeat;
import io.modelcompose.shared.event.Topics;
import io.modelcompose.transport.metrics.MeterRegistries;
import io.modelcompose.transport.ConsumerLoopBuilder;
import io.modelcompose.transport.EventProducer;
import io.modelcompose.transport.KafkaSettings;
import io.modelcompose.transport.TopicAdmin;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler role. Every instance takes part in the election; the active one replays the runs topic from its
 * committed watermark, then drives runs live. Standbys only heartbeat.
 */
public final class SchedulerVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerVerticle.class);
    private final ComposeConfig config;
    private final SchedulerOptions options;
    private final Clock clock = Clock.systemUTC();
    private final MeterRegistry registry;
    private SchedulerMetrics metrics;
    private WorkerExecutor admin;
    private EventProducer producer;
    private LeaderElection election;
    private volatile ActiveScheduler active;
    private boolean stopping;

    /** A scheduler without metrics. */
    public SchedulerVerticle(ComposeConfig config, SchedulerOptions options) {
        this(config, options, MeterRegistries.noop());
    }

    /** A scheduler publishing its meters (runs, durations, queue depth, slots, consumer lag) to {@code registry}. */
    public SchedulerVerticle(ComposeConfig config, SchedulerOptions options, MeterRegistry registry) {
        this.config = config;
        this.options = options;
        this.registry = registry;
    }

    @Override
    public Future<?> start() {
        KafkaSettings kafka = options.kafka();
        metrics = new SchedulerMetrics(registry, config);
        admin = vertx.createSharedWorkerExecutor("compose-scheduler-admin", 2);
        return admin.executeBlocking(() -> {
            TopicAdmin.ensureTopics(kafka.bootstrapServers(), kafka.topics());
            EventProducer created = kafka.sharedProducer("scheduler-" + kafka.instanceId());
            created.warmUp(List.of(kafka.topics().runs(), kafka.topics().jobs(), kafka.topics().jobControl(), kafka.topics().runState(), kafka.topics().runEvents(), kafka.topics().heartbeats(), kafka.topics().deadLetter()));
            return created;
        }).map(p -> {
            producer = p;
            Topics topics = kafka.topics();
            election = new LeaderElection(kafka.bootstrapServers(), topics.prefix() + "-scheduler-lock",
                    topics.schedulerLock(), kafka.instanceId(),
                    () -> context.runOnContext(v -> activate()), () -> context.runOnContext(v -> deactivate()))
                    .start();
            vertx.setPeriodic(0, options.heartbeatMillis(), id -> heartbeat());
            return null;
        });
    }

    /** True while this instance is the active scheduler. */
    public boolean isActive() {
        return active != null;
    }

    private void activate() {
        if (active == null && !stopping) {
            active = new ActiveScheduler(vertx, context, config, options, producer, clock, metrics);
            active.start();
        }
    }

    private void deactivate() {
        if (active != null && !stopping) {
            ActiveScheduler stopping = active;
            active = null;
            admin.executeBlocking(() -> {
                stopping.close();
                return null;
            }).onComplete(ar -> metrics.reset());
        }
    }

    private void heartbeat() {
        KafkaSettings kafka = options.kafka();
        producer.send(kafka.topics().heartbeats(),
                new ServiceHeartbeat("scheduler", kafka.instanceId(), isActive(), clock.millis()));
    }

    @Override
    public Future<?> stop() {
        stopping = true;
        ActiveScheduler current = active;
        active = null;
        return admin.executeBlocking(() -> {
            // Stop acting before leaving the election, so that a standby never runs alongside this instance.
            if (current != null) {
                current.close();
            }
            if (election != null) {
                election.close();
            }
            if (producer != null) {
                producer.close();
            }
            metrics.close();
            LOG.debug("scheduler stopped");
            return null;
        }).eventually(() -> admin.close());
    }

    /** Used by tests and the CLI to tell consumers which group the scheduler commits to. */
    static String inputGroup(Topics topics) {
        return topics.prefix() + "-scheduler";
    }

    static ConsumerLoopBuilder loop(KafkaSettings kafka, String name) {
        return kafka.consumer(name + "-" + kafka.instanceId());
    }
}
