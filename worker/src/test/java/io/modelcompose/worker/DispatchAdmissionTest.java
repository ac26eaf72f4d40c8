package io.modelcompose.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.event.AttemptId;
import io.modelcompose.worker.DispatchAdmission.Verdict;
import org.junit.jupiter.api.Test;

class DispatchAdmissionTest {
    private static final AttemptId FIRST = new AttemptId("r1", "prep", 1);
    private static final long DEADLINE = 100_000;

    @Test
    void anAttemptWithMostOfItsLeaseLeftRuns() {
        assertThat(DispatchAdmission.forHeartbeat(3_000).judge(FIRST, DEADLINE, DEADLINE - 5_000))
                .isEqualTo(Verdict.RUN);
    }

    @Test
    void anAttemptReadJustAfterItsDeadlineIsSkipped() {
        // A partition taken over from a killed worker: the scheduler may already have sent attempt 2.
        assertThat(DispatchAdmission.forHeartbeat(3_000).judge(FIRST, DEADLINE, DEADLINE + 500))
                .isEqualTo(Verdict.LEASE_RAN_OUT);
    }

    @Test
    void anAttemptWithLessThanTheMarginLeftIsSkipped() {
        DispatchAdmission admission = DispatchAdmission.forHeartbeat(3_000);
        assertThat(admission.judge(FIRST, DEADLINE, DEADLINE - 999)).isEqualTo(Verdict.LEASE_RAN_OUT);
        assertThat(admission.judge(FIRST, DEADLINE, DEADLINE - 1_001)).isEqualTo(Verdict.RUN);
    }

    @Test
    void theMarginIsHalfAShortHeartbeat() {
        DispatchAdmission admission = DispatchAdmission.forHeartbeat(800);
        assertThat(admission.judge(FIRST, DEADLINE, DEADLINE - 401)).isEqualTo(Verdict.RUN);
        assertThat(admission.judge(FIRST, DEADLINE, DEADLINE - 399)).isEqualTo(Verdict.LEASE_RAN_OUT);
    }

    @Test
    void aDispatchWithoutDeadlineRuns() {
        assertThat(DispatchAdmission.forHeartbeat(3_000).judge(FIRST, 0, DEADLINE)).isEqualTo(Verdict.RUN);
    }

    @Test
    void anAttemptCancelledBeforeItsDispatchIsReadNeverStarts() {
        DispatchAdmission admission = DispatchAdmission.forHeartbeat(3_000);
        admission.cancelled(FIRST);
        assertThat(admission.judge(FIRST, DEADLINE, DEADLINE - 5_000)).isEqualTo(Verdict.CANCELLED);
        assertThat(admission.judge(new AttemptId("r1", "prep", 2), DEADLINE, DEADLINE - 5_000))
                .isEqualTo(Verdict.RUN);
    }

    @Test
    void onlyTheNewestCancelsAreRemembered() {
        DispatchAdmission admission = DispatchAdmission.forHeartbeat(3_000);
        for (int i = 0; i <= DispatchAdmission.REMEMBERED_CANCELS; i++) {
            admission.cancelled(new AttemptId("r" + i, "prep", 1));
        }
        assertThat(admission.judge(new AttemptId("r0", "prep", 1), DEADLINE, 0)).isEqualTo(Verdict.RUN);
        assertThat(admission.judge(new AttemptId("r1", "prep", 1), DEADLINE, 0)).isEqualTo(Verdict.CANCELLED);
    }
}
