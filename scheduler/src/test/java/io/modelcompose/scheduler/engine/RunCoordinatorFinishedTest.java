package io.modelcompose.scheduler.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.event.AttemptId;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.RunStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the coordinator keeps of a finished run: enough to refuse it twice, not its output. */
class RunCoordinatorFinishedTest {
    private static final String ONE_JOB = """
            workflows:
              - id: main
                jobs:
                  - { id: call, component: shell, command: echo hi }
            """;

    @Test
    void aFinishedRunIsNotStartedAgainAndKeepsItsStatusButNotItsOutput() {
        EngineHarness h = new EngineHarness(ONE_JOB);
        h.submit("r1", null);
        h.coordinator.jobSucceeded(new AttemptId("r1", "call", 1), Map.of("big", "x".repeat(10_000)), Map.of());
        assertThat(h.finished.get("r1").output()).isNotNull(); // the published final state has it

        h.submit("r1", null);

        assertThat(h.started).containsExactly("r1");
        RunSnapshot kept = h.coordinator.snapshot("r1").orElseThrow();
        assertThat(kept.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(kept.workflowId()).isEqualTo("main");
        assertThat(kept.finishedAtMillis()).isEqualTo(h.finished.get("r1").finishedAtMillis());
        assertThat(kept.output()).isNull();
        assertThatThrownBy(() -> h.coordinator.cancel("r1")).isInstanceOf(ComposeException.class)
                .extracting(e -> ((ComposeException) e).code()).isEqualTo(ErrorCode.CONFLICT);
    }
}
