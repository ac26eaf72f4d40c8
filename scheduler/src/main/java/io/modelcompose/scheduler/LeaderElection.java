package io.modelcompose.scheduler;

import io.modelcompose.transport.ClientDefaults;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One active scheduler at a time: every instance joins one consumer group on a one-partition lock topic, and the
 * instance the group assigns that partition to is the active one. When it dies, the group reassigns the partition
 * to a standby after the session timeout. The assignment is cooperative and sticky, so a standby joining the group
 * does not make the active instance step down.
 */
final class LeaderElection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);
    private final KafkaConsumer<String, byte[]> consumer;
    private final String lockTopic;
    private final Runnable onElected;
    private final Runnable onDeposed;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean leader = new AtomicBoolean();
    private final Thread thread;

    LeaderElection(String bootstrapServers, String group, String lockTopic, String instanceId, Runnable onElected,
            Runnable onDeposed) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "scheduler-lock-" + instanceId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000);
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000);
        props.put(ConsumerConfig.CONNECTIONS_MAX_IDLE_MS_CONFIG, ClientDefaults.CONNECTIONS_MAX_IDLE_MS);
        props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 30_000);
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.lockTopic = lockTopic;
        this.onElected = onElected;
        this.onDeposed = onDeposed;
        this.thread = new Thread(this::run, "scheduler-election");
        this.thread.setDaemon(true);
    }

    LeaderElection start() {
        thread.start();
        return this;
    }

    boolean isLeader() {
        return leader.get();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(lockTopic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    depose();
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    depose();
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    if (!partitions.isEmpty() && leader.compareAndSet(false, true)) {
                        LOG.info("this scheduler is now the active one");
                        onElected.run();
                    }
                }
            });
            while (running.get()) {
                consumer.poll(Duration.ofMillis(200));
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("scheduler election stopped: {}", e.toString(), e);
        } finally {
            depose();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void depose() {
        if (leader.compareAndSet(true, false)) {
            LOG.info("this scheduler is no longer the active one");
            onDeposed.run();
        }
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
    }
}
