package io.modelcompose.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.scheduler.engine.EngineHarnessAccess;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.event.AttemptId;
import io.modelcompose.shared.event.JobEvents.JobCancelRequested;
import io.modelcompose.shared.event.JobEvents.JobDispatched;
import io.modelcompose.shared.event.JobEvents.JobFinished;
import io.modelcompose.shared.event.JobEvents.LeaseExpired;
import io.modelcompose.shared.event.RunEvents.RunRequested;
import io.modelcompose.shared.event.RunStatus;
import io.modelcompose.shared.event.SchedulerEvents.AttemptGranted;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A scheduler taking over from a killed one, over a mock broker: it rebuilds slots and started runs from the log,
 * whatever order it reads the partitions in, never sends an attempt again that was sent, and dispatches what waits as
 * soon as its replay is over.
 */
class ActiveSchedulerReplayTest {
    private static final long LEASE_MILLIS = 19_000;
    private static final String COMPONENT_LIMIT = """
            components:
              - id: limited
                type: shell
                command: sleep 30
                max_concurrent_count: 1
            workflows:
              - id: main
                jobs:
                  - { id: work, component: limited }
            """;
    private static final String RUN_LIMIT = """
            controller:
              type: http-server
              max_concurrent_count: 1
            components:
              - id: free
                type: shell
                command: sleep 30
            workflows:
              - id: main
                jobs:
                  - { id: work, component: free }
            """;

    private final Clock clock = Clock.systemUTC();
    private final RunsLog log = new RunsLog();
    private final String first = runIn(0);
    private final String second = runIn(3);

    @Test
    void aTakeOverReadingThePartitionsInAnotherOrderKeepsTheSlotWithTheAttemptThatHadIt() {
        ComposeConfig config = EngineHarnessAccess.load(COMPONENT_LIMIT);
        TestScheduler killed = liveScheduler(config, "killed");
        request(killed, first);
        request(killed, second);
        assertThat(dispatched()).containsExactly(new AttemptId(first, "work", 1));

        TestScheduler next = new TestScheduler(log, config, "next", clock, LEASE_MILLIS)
                .readPartitionsInOrder(3, 0).activate();
        next.settle();

        assertThat(next.isLive()).isTrue();
        assertThat(next.coordinator().componentLoad("limited")).as("in use, waiting").containsExactly(1, 1);
        assertThat(dispatched()).as("nothing sent again, the second run still waits")
                .containsExactly(new AttemptId(first, "work", 1));

        finish(next, new AttemptId(first, "work", 1));
        assertThat(dispatched()).as("the freed slot goes to the waiting run at once, no lease to wait for")
                .containsExactly(new AttemptId(first, "work", 1), new AttemptId(second, "work", 1));
        assertThat(next.coordinator().snapshot(first).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void aTakeOverReadingThePartitionsInAnotherOrderKeepsTheRunThatHadStarted() {
        ComposeConfig config = EngineHarnessAccess.load(RUN_LIMIT);
        TestScheduler killed = liveScheduler(config, "killed");
        request(killed, first);
        request(killed, second);
        assertThat(dispatched()).containsExactly(new AttemptId(first, "work", 1));

        TestScheduler next = new TestScheduler(log, config, "next", clock, LEASE_MILLIS)
                .readPartitionsInOrder(3, 0).activate();
        next.settle();

        assertThat(next.coordinator().snapshot(second).orElseThrow().status()).isEqualTo(RunStatus.PENDING);
        finish(next, new AttemptId(first, "work", 1));
        assertThat(next.coordinator().snapshot(first).orElseThrow().status())
                .as("the started run's result is applied, not lost with a restart from scratch")
                .isEqualTo(RunStatus.COMPLETED);
        assertThat(dispatched()).containsExactly(new AttemptId(first, "work", 1), new AttemptId(second, "work", 1));
    }

    @Test
    void aDispatchGoesToTheWorkersOnlyOnceItsGrantIsOnTheRunsTopic() {
        ComposeConfig config = EngineHarnessAccess.load(COMPONENT_LIMIT);
        TestScheduler live = liveScheduler(config, "live");
        log.send(RunsLog.RUNS, new RunRequested(first, "main", Map.of(), null, clock.millis()));
        log.acknowledgeAll();
        live.readNewRecords();

        assertThat(log.acknowledged(AttemptGranted.class)).isEmpty();
        log.acknowledgeAll();
        assertThat(log.acknowledged(AttemptGranted.class)).hasSize(1);
        assertThat(dispatched()).as("not before the grant is acknowledged").isEmpty();
        live.runTasks();
        log.acknowledgeAll();
        assertThat(dispatched()).containsExactly(new AttemptId(first, "work", 1));
    }

    @Test
    void anAttemptGrantedButNeverSentIsDispatchedAgainWithAHigherNumberRightAfterTheReplay() {
        ComposeConfig config = EngineHarnessAccess.load(COMPONENT_LIMIT);
        TestScheduler killed = liveScheduler(config, "killed");
        log.send(RunsLog.RUNS, new RunRequested(first, "main", Map.of(), null, clock.millis()));
        log.acknowledgeAll();
        killed.readNewRecords();
        log.acknowledgeAll(); // the grant is on the broker; the scheduler dies before sending the dispatch
        log.loseUnacknowledged();

        TestScheduler next = new TestScheduler(log, config, "next", clock, LEASE_MILLIS).activate();
        next.settle();
        assertThat(dispatched()).as("not on the jobs topic: lost at once, not after its lease (no clock moved)")
                .containsExactly(new AttemptId(first, "work", 2));
        assertThat(next.coordinator().componentLoad("limited")).containsExactly(1, 0);
    }

    @Test
    void aGrantForAnAttemptNoLongerWantedHoldsTheSlotAndAsksTheWorkerToStop() {
        ComposeConfig config = EngineHarnessAccess.load(COMPONENT_LIMIT);
        TestScheduler killed = liveScheduler(config, "killed");
        request(killed, first);
        killed.settle();
        log.send(RunsLog.RUNS, new io.modelcompose.shared.event.RunEvents.RunCancelRequested(first, clock.millis()));
        killed.settle();
        request(killed, second);
        assertThat(dispatched()).containsExactly(new AttemptId(first, "work", 1));

        TestScheduler next = new TestScheduler(log, config, "next", clock, LEASE_MILLIS)
                .readPartitionsInOrder(3, 0).activate();
        next.settle();
        assertThat(next.coordinator().componentLoad("limited")).as("the cancelled attempt still runs")
                .containsExactly(1, 1);
        assertThat(log.acknowledged(JobCancelRequested.class)).extracting(JobCancelRequested::attemptId)
                .contains(new AttemptId(first, "work", 1));
        finish(next, new AttemptId(first, "work", 1));
        assertThat(dispatched()).containsExactly(new AttemptId(first, "work", 1), new AttemptId(second, "work", 1));
    }

    @Test
    void anAttemptSentAgainAfterALostWorkerGetsALongerLease() {
        ComposeConfig config = EngineHarnessAccess.load(COMPONENT_LIMIT);
        TestScheduler live = liveScheduler(config, "live");
        request(live, first);
        long before = clock.millis();
        log.send(RunsLog.RUNS, new LeaseExpired(new AttemptId(first, "work", 1)));
        live.settle();

        List<JobDispatched> sent = log.acknowledged(JobDispatched.class);
        assertThat(sent).extracting(JobDispatched::attempt).containsExactly(1, 2);
        assertThat(sent.get(1).leaseDeadlineMillis()).isBetween(before + 2 * LEASE_MILLIS,
                clock.millis() + 2 * LEASE_MILLIS);
        assertThat(KafkaSchedulerOutput.leaseFor(LEASE_MILLIS, 7)).isEqualTo(3 * LEASE_MILLIS);
    }

    private TestScheduler liveScheduler(ComposeConfig config, String activation) {
        TestScheduler scheduler = new TestScheduler(log, config, activation, clock, LEASE_MILLIS).activate();
        scheduler.settle();
        assertThat(scheduler.isLive()).isTrue();
        return scheduler;
    }

    private void request(TestScheduler scheduler, String runId) {
        log.send(RunsLog.RUNS, new RunRequested(runId, "main", Map.of(), null, clock.millis()));
        scheduler.settle();
    }

    private void finish(TestScheduler scheduler, AttemptId attempt) {
        log.send(RunsLog.RUNS, new JobFinished(1, attempt.runId(), attempt.jobKey(), attempt.attempt(), "w1", true,
                "done", Map.of(), null));
        scheduler.settle();
    }

    private List<AttemptId> dispatched() {
        return log.acknowledged(JobDispatched.class).stream().map(JobDispatched::attemptId).toList();
    }

    private static String runIn(int partition) {
        for (int i = 0; i < 1_000; i++) {
            String id = "run-" + i;
            if (RunsLog.partitionOf(id) == partition) {
                return id;
            }
        }
        throw new AssertionError("no run id for partition " + partition);
    }
}
