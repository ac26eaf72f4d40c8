package io.modelcompose.gateway.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.RunStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which read-back answers may be kept for a while: only a run's last word. */
class RunStateLookupTest {
    private static final RunSnapshot PENDING = RunSnapshot.pending("K0000000000000000000000000", "wf", null, 1L);

    @Test
    void noRunYetIsNotKeptSinceTheRunMayBeRequestedRightAfter() {
        // a first Idempotency-Key is looked up before its run exists; keeping "none" hid the run afterwards
        assertThat(RunStateLookup.worthKeeping(Optional.empty())).isFalse();
    }

    @Test
    void aStateThatMayStillChangeIsNotKept() {
        assertThat(RunStateLookup.worthKeeping(Optional.of(PENDING))).isFalse();
        assertThat(RunStateLookup.worthKeeping(Optional.of(PENDING.withStatus(RunStatus.PROCESSING)))).isFalse();
    }

    @Test
    void aTerminalStateIsKept() {
        assertThat(RunStateLookup.worthKeeping(Optional.of(PENDING.finished(RunStatus.COMPLETED, "x", null, 2L))))
                .isTrue();
        assertThat(RunStateLookup.worthKeeping(Optional.of(PENDING.finished(RunStatus.FAILED, null, "e", 2L))))
                .isTrue();
    }
}
