package io.modelcompose.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerAnalysisTest {
    private static final long END = 100_000;

    private static Execution exec(String run, String job, int attempt, long start, long end, long pid) {
        return new Execution(run, job, attempt, start, end, pid);
    }

    private static KillEvent workerKilled(long pid, long at) {
        return new KillEvent(KillEvent.WORKER, pid, at);
    }

    @Test
    void overlappingExecutionsOverTheLimitExceedIt() {
        LedgerAnalysis analysis = new LedgerAnalysis(List.of(exec("r1", "work", 1, 1000, 2000, 1),
                exec("r2", "work", 1, 1500, 2500, 2), exec("r3", "free", 1, 1600, 1700, 3)), List.of(), END);

        LimitCheck check = analysis.jobPeak("component limited", 1, List.of("work"));

        assertThat(check.peak()).isEqualTo(2);
        assertThat(check.exceeded()).isTrue();
    }

    @Test
    void anExecutionEndingWhenTheNextStartsDoesNotOverlapIt() {
        LedgerAnalysis analysis = new LedgerAnalysis(List.of(exec("r1", "work", 1, 1000, 2000, 1),
                exec("r2", "work", 1, 2000, 2500, 2)), List.of(), END);

        assertThat(analysis.jobPeak("component limited", 1, List.of("work")).exceeded()).isFalse();
    }

    @Test
    void anUnfinishedExecutionHoldsItsSlotUntilItsWorkerDied() {
        List<Execution> ledger = List.of(exec("r1", "work", 1, 1000, Execution.NO_END, 7),
                exec("r2", "work", 1, 4000, 4500, 8));

        assertThat(new LedgerAnalysis(ledger, List.of(workerKilled(7, 3000)), END)
                .jobPeak("c", 1, List.of("work")).peak()).isEqualTo(1);
        assertThat(new LedgerAnalysis(ledger, List.of(), END).jobPeak("c", 1, List.of("work")).peak())
                .as("never killed: it still runs").isEqualTo(2);
    }

    @Test
    void runsOverlapFromTheirFirstStartToTheirLastEnd() {
        LedgerAnalysis analysis = new LedgerAnalysis(List.of(exec("r1", "prep", 1, 1000, 1100, 1),
                exec("r1", "work", 1, 1200, 3000, 1), exec("r2", "prep", 1, 2000, 2100, 2)), List.of(), END);

        assertThat(analysis.runPeak("controller", 1).exceeded()).isTrue();
        assertThat(analysis.runPeak("controller", 2).exceeded()).isFalse();
    }

    @Test
    void aDuplicateWithoutALeaseExpiryIsUnjustified() {
        LedgerAnalysis analysis = new LedgerAnalysis(List.of(exec("r1", "work", 1, 1000, 2000, 1),
                exec("r1", "work", 2, 5000, 6000, 2)), List.of(), END);

        assertThat(analysis.duplicates()).singleElement().satisfies(d -> {
            assertThat(d.justified()).isFalse();
            assertThat(d.reason()).contains("worker 1 was never killed");
        });
    }

    @Test
    void theSameAttemptRunTwiceIsUnjustifiedEvenAfterAKill() {
        LedgerAnalysis analysis = new LedgerAnalysis(List.of(exec("r1", "work", 1, 1000, Execution.NO_END, 1),
                exec("r1", "work", 1, 5000, 6000, 2)), List.of(workerKilled(1, 2000)), END);

        assertThat(analysis.duplicates()).singleElement().extracting(Duplicate::justified).isEqualTo(false);
    }

    @Test
    void aDuplicateStartedBeforeTheWorkerDiedIsUnjustified() {
        LedgerAnalysis analysis = new LedgerAnalysis(List.of(exec("r1", "work", 1, 1000, Execution.NO_END, 1),
                exec("r1", "work", 2, 1500, 6000, 2)), List.of(workerKilled(1, 2000)), END);

        assertThat(analysis.duplicates()).singleElement().satisfies(d -> {
            assertThat(d.justified()).isFalse();
            assertThat(d.reason()).contains("was alive");
        });
    }

    @Test
    void aHigherAttemptAfterTheWorkerDiedIsJustified() {
        LedgerAnalysis analysis = new LedgerAnalysis(List.of(exec("r1", "work", 1, 1000, Execution.NO_END, 1),
                exec("r1", "work", 2, 5000, 6000, 2), exec("r2", "work", 1, 1000, 1200, 1)),
                List.of(workerKilled(1, 2000)), END);

        assertThat(analysis.duplicates()).singleElement().satisfies(d -> {
            assertThat(d.justified()).isTrue();
            assertThat(d.jobKey()).isEqualTo("r1/work");
            assertThat(d.reason()).isEqualTo("worker 1 of attempt 1 killed 3000 ms before");
        });
    }

    @Test
    void recoveryIsTheFirstStartAfterEachSchedulerKill() {
        LedgerAnalysis analysis = new LedgerAnalysis(List.of(exec("r1", "work", 1, 1000, 1100, 1),
                exec("r2", "work", 1, 4500, 4600, 1), exec("r3", "work", 1, 3200, 3300, 1)),
                List.of(new KillEvent(KillEvent.SCHEDULER, 9, 2000), workerKilled(1, 2500),
                        new KillEvent(KillEvent.SCHEDULER, 10, 5000)), END);

        assertThat(analysis.recoveries()).containsExactly(1200L, -1L);
    }
}
