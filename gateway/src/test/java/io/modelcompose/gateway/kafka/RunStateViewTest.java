package io.modelcompose.gateway.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.event.RunInterrupt;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.RunStatus;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway's view of runs: newest state wins, the first terminal state stays, finished runs age out. */
class RunStateViewTest {
    private final RunStateView view = new RunStateView();

    private static RunSnapshot pending(String id) {
        return RunSnapshot.pending(id, "wf", Map.of("who", "test"), 1_000);
    }

    private static RunSnapshot processing(String id) {
        RunSnapshot p = pending(id);
        return new RunSnapshot(id, p.workflowId(), RunStatus.PROCESSING, null, null, p.metadata(), 1_000, 0);
    }

    @Test
    void aFinishedRunIsKeptWithItsOutputAndNoLongerCountsAsPending() {
        view.putIfAbsent(pending("r1"));
        view.update(processing("r1"));
        assertThat(view.pendingCount()).isEqualTo(1);

        view.update(pending("r1").finished(RunStatus.COMPLETED, Map.of("out", List.of(1, "two")), null, 5_000));

        RunSnapshot held = view.get("r1");
        assertThat(held.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(held.output()).isEqualTo(Map.of("out", List.of(1, "two")));
        assertThat(held.metadata()).isEqualTo(Map.of("who", "test"));
        assertThat(held.finishedAtMillis()).isEqualTo(5_000);
        assertThat(view.pendingCount()).isZero();
    }

    @Test
    void anOlderOrSecondTerminalStateDoesNotReplaceTheFirstTerminalOne() {
        view.update(pending("r2").finished(RunStatus.FAILED, null, "boom", 5_000));

        view.update(processing("r2"));
        view.update(pending("r2").finished(RunStatus.COMPLETED, "late", null, 6_000));
        RunSnapshot again = view.putIfAbsent(pending("r2"));

        assertThat(view.get("r2").status()).isEqualTo(RunStatus.FAILED);
        assertThat(view.get("r2").error()).isEqualTo("boom");
        assertThat(again.status()).isEqualTo(RunStatus.FAILED);
        assertThat(view.pendingCount()).isZero();
    }

    @Test
    void aWaiterIsAnsweredWhetherItCameBeforeOrAfterTheEnd() {
        Future<RunSnapshot> early = view.awaitTerminal("r3");
        view.update(processing("r3"));
        assertThat(early.isComplete()).isFalse();

        view.update(pending("r3").finished(RunStatus.CANCELLED, null, null, 7_000));
        Future<RunSnapshot> late = view.awaitTerminal("r3");

        assertThat(early.result().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(late.result().status()).isEqualTo(RunStatus.CANCELLED);
    }

    @Test
    void finishedRunsOlderThanTheCutoffAreForgottenButUnfinishedOnesStay() {
        view.update(pending("old").finished(RunStatus.COMPLETED, null, null, 1_000));
        view.update(pending("new").finished(RunStatus.COMPLETED, null, null, 9_000));
        view.update(processing("running"));

        view.evictFinishedBefore(5_000);

        assertThat(view.get("old")).isNull();
        assertThat(view.get("new")).isNotNull();
        assertThat(view.get("running").status()).isEqualTo(RunStatus.PROCESSING);
    }

    @Test
    void beyondTheBoundTheEarliestFinishedRunsAreNoLongerHeld() {
        RunStateView bounded = new RunStateView(new io.modelcompose.gateway.run.FinishedRunLimits(2, 1_000_000,
                java.time.Duration.ofHours(1)));
        for (String id : List.of("a", "b", "c")) {
            bounded.putIfAbsent(pending(id));
            bounded.update(pending(id).finished(RunStatus.COMPLETED, id, null, 5_000));
        }

        assertThat(bounded.get("a")).isNull();
        assertThat(bounded.get("c").output()).isEqualTo("c");
        assertThat(bounded.finishedHeld()).isEqualTo(2);
        assertThat(bounded.pendingCount()).isZero();
    }

    @Test
    void anInterruptEndsASynchronousWaitButNotAWaitForTheEndAndTheRunGoesOnAfterIt() {
        RunInterrupt point = new RunInterrupt("review", "r9", "before", "approve?", null);
        view.putIfAbsent(pending("r9"));
        Future<RunSnapshot> settled = view.awaitSettled("r9");
        Future<RunSnapshot> ended = view.awaitTerminal("r9");
        view.update(processing("r9").interruptedAt(point));
        assertThat(settled.isComplete()).isTrue();
        assertThat(settled.result().interrupt()).isEqualTo(point);
        assertThat(ended.isComplete()).isFalse();
        assertThat(view.awaitSettled("r9").isComplete()).as("already interrupted").isTrue();

        view.update(processing("r9"));
        assertThat(view.get("r9").status()).as("processing again after the answer").isEqualTo(RunStatus.PROCESSING);
        assertThat(view.awaitSettled("r9").isComplete()).isFalse();
        view.update(pending("r9").finished(RunStatus.COMPLETED, "ok", null, 9_000));
        assertThat(ended.result().output()).isEqualTo("ok");
    }
}
