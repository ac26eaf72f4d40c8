package io.modelcompose.gateway.live;

import io.modelcompose.shared.event.AttemptId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Job attempts built from events in any order, bounded by run count. */
class TimelineBookTest {
    private final TimelineBook book = new TimelineBook(2);

    @Test
    void followsAnAttemptFromDispatchThroughHeartbeatToItsResult() {
        book.dispatched(new AttemptId("r1", "a", 1), "wf", "a", "api", 100);
        assertThat(book.attempts("r1")).extracting(JobAttempt::outcome).containsExactly("queued");

        book.heartbeat(new AttemptId("r1", "a", 1), "w1", 130);
        assertThat(book.attempts("r1").get(0)).isEqualTo(
                new JobAttempt("a", "a", 1, "api", "w1", 100, 130, 0, "running", null));
        assertThat(book.runningByWorker()).isEqualTo(Map.of("w1", 1));

        book.finished(new AttemptId("r1", "a", 1), "w1", true, null, 120, 200);
        assertThat(book.attempts("r1").get(0)).isEqualTo(
                new JobAttempt("a", "a", 1, "api", "w1", 100, 120, 200, "completed", null));
        assertThat(book.runningByWorker()).isEmpty();
        assertThat(book.timeline("r1").orElseThrow().workflowId()).isEqualTo("wf");
    }

    @Test
    void keepsRetriesAsSeparateAttemptsAndMarksLeaseExpiries() {
        book.dispatched(new AttemptId("r1", "a", 1), "wf", "a", "api", 100);
        book.heartbeat(new AttemptId("r1", "a", 1), "w1", 110);
        book.leaseExpired(new AttemptId("r1", "a", 1), 300);
        book.dispatched(new AttemptId("r1", "a", 2), "wf", "a", "api", 300);
        book.finished(new AttemptId("r1", "a", 2), "w2", false, "HTTP 500", 310, 350);

        List<JobAttempt> attempts = book.attempts("r1");
        assertThat(attempts).extracting(JobAttempt::attempt, JobAttempt::outcome, JobAttempt::workerId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "lease-expired", "w1"),
                        org.assertj.core.groups.Tuple.tuple(2, "failed", "w2"));
        assertThat(attempts.get(1).error()).isEqualTo("HTTP 500");
        assertThat(book.inFlightByComponent()).isEmpty();
    }

    @Test
    void aResultBeforeItsDispatchKeepsTheResultsTimes() {
        book.finished(new AttemptId("r1", "a", 1), "w1", true, null, 120, 200);
        book.dispatched(new AttemptId("r1", "a", 1), "wf", "a", "api", 150);

        assertThat(book.attempts("r1")).extracting(JobAttempt::outcome, JobAttempt::finishedAtMillis)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("completed", 200L));
    }

    @Test
    void forgetsTheOldestRunsBeyondItsBound() {
        book.dispatched(new AttemptId("r1", "a", 1), "wf", "a", "api", 1);
        book.dispatched(new AttemptId("r2", "a", 1), "wf", "a", "api", 2);
        book.dispatched(new AttemptId("r3", "a", 1), "wf", "a", "api", 3);

        assertThat(book.timeline("r1")).isEmpty();
        assertThat(book.timeline("r3")).isPresent();
        assertThat(book.inFlightByComponent()).isEqualTo(Map.of("api", 2));
    }
}
