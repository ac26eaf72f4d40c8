package io.modelcompose.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.RunStatus;
import org.junit.jupiter.api.Test;

class RecentRunsTest {
    private final RecentRuns recent = new RecentRuns(2);

    @Test
    void answersNewestFirstWithinItsBound() {
        recent.update(RunSnapshot.pending("r1", "wf", null, 1));
        recent.update(RunSnapshot.pending("r2", "wf", null, 2));
        recent.update(RunSnapshot.pending("r3", "wf", null, 3));

        assertThat(recent.newest(10)).extracting(RunSnapshot::runId).containsExactly("r3", "r2");
        assertThat(recent.newest(1)).extracting(RunSnapshot::runId).containsExactly("r3");
    }

    @Test
    void aTerminalStateIsNotReplacedByALateEarlierOne() {
        RunSnapshot pending = RunSnapshot.pending("r1", "wf", null, 1);
        recent.update(pending.finished(RunStatus.COMPLETED, "out", null, 5));
        recent.update(pending.withStatus(RunStatus.PROCESSING));

        assertThat(recent.newest(1).get(0).status()).isEqualTo(RunStatus.COMPLETED);
    }
}
