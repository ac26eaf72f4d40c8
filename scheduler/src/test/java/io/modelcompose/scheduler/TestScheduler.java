package io.modelcompose.scheduler;

import io.modelcompose.scheduler.engine.DecisionMode;
import io.modelcompose.scheduler.engine.RunCoordinator;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.event.EventCodec;
import io.modelcompose.shared.event.Topics;
import io.modelcompose.transport.metrics.MeterRegistries;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * One activation of the active scheduler over a {@link RunsLog}: the real {@link SchedulerInputs},
 * {@link KafkaSchedulerOutput} and coordinator, with a {@link MockConsumer} reading the runs topic from offset 0 (as
 * after a crash on a fresh topic, where nothing was committed) and a task queue standing in for the Vert.x context.
 * {@link #readPartitionsInOrder} makes it read the partitions it has records for one after the other, in a given
 * order, as a consumer may after a take-over.
 */
final class TestScheduler implements SchedulerContext {
    private final RunsLog log;
    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final Deque<Runnable> tasks = new ArrayDeque<>();
    private final Map<TopicPartition, Long> added = new HashMap<>();
    private final LeaseTable leases = new LeaseTable();
    private final RunCoordinator coordinator;
    private final SchedulerInputs inputs;
    private final ReplayPhase replay;
    private List<Integer> partitionOrder = List.of();

    TestScheduler(RunsLog log, ComposeConfig config, String activation, Clock clock, long leaseMillis) {
        this.log = log;
        this.replay = new ReplayPhase(activation);
        KafkaSchedulerOutput output = new KafkaSchedulerOutput(this, log::send, new Topics("compose"), clock,
                leaseMillis, leases, e -> { }, new SchedulerMetrics(MeterRegistries.noop(), config), activation);
        this.coordinator = new RunCoordinator(config, clock, output, DecisionMode.FOLLOW_LOG);
        this.inputs = new SchedulerInputs(config, coordinator, output, leases, replay, clock, RunsLog.RUNS, this,
                granted -> CompletableFuture.completedFuture(DispatchAudit.sent(log.jobsConsumer(), RunsLog.JOBS,
                        granted, Duration.ofSeconds(5))));
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < RunsLog.PARTITIONS; p++) {
            partitions.add(new TopicPartition(RunsLog.RUNS, p));
        }
        consumer.assign(partitions);
        Map<TopicPartition, Long> beginning = new HashMap<>();
        partitions.forEach(tp -> beginning.put(tp, 0L));
        consumer.updateBeginningOffsets(beginning);
    }

    /** Reads the partitions one after the other in this order (the rest after them), not as the records came. */
    TestScheduler readPartitionsInOrder(Integer... partitions) {
        partitionOrder = List.of(partitions);
        return this;
    }

    /** Takes over: writes its markers, as the real one does once the runs topic is assigned. */
    TestScheduler activate() {
        inputs.beginReplay(RunsLog.PARTITIONS);
        return this;
    }

    /** Runs queued tasks, acknowledges sends and reads new records until nothing moves. */
    void settle() {
        for (int round = 0; round < 10_000; round++) {
            boolean moved = runTasks() | log.acknowledgeAll() > 0 | readNewRecords() > 0;
            if (!moved) {
                return;
            }
        }
        throw new AssertionError("the scheduler did not settle");
    }

    /** Runs the queued tasks only (sends stay unacknowledged). */
    boolean runTasks() {
        boolean ran = false;
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
            ran = true;
        }
        return ran;
    }

    /** Feeds acknowledged runs records it has not read yet to the consumer, polls once and applies what came. */
    int readNewRecords() {
        for (ConsumerRecord<String, byte[]> r : log.runsRecords()) {
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            if (r.offset() >= added.getOrDefault(tp, 0L)) {
                consumer.addRecord(r);
                added.put(tp, r.offset() + 1);
            }
        }
        var polled = consumer.poll(Duration.ZERO);
        List<TopicPartition> order = new ArrayList<>(polled.partitions());
        order.sort(Comparator.comparingInt(tp -> partitionOrder.contains(tp.partition())
                ? partitionOrder.indexOf(tp.partition()) : partitionOrder.size() + tp.partition()));
        int applied = 0;
        for (TopicPartition tp : order) {
            for (ConsumerRecord<String, byte[]> r : polled.records(tp)) {
                inputs.apply(EventCodec.decode(r.value()));
                runTasks();
                applied++;
            }
        }
        return applied;
    }

    boolean isLive() {
        return replay.isLive();
    }

    RunCoordinator coordinator() {
        return coordinator;
    }

    @Override
    public void run(Runnable task) {
        tasks.add(task);
    }

    @Override
    public void later(long delayMillis, Runnable task) {
        // timers (retry, timeout) do not fire in these tests
    }
}
