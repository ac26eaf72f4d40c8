package io.modelcompose.scheduler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.event.AttemptId;
import io.modelcompose.shared.event.RunInterrupt;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.RunStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunEngineInterruptTest {
    private static final String REVIEW = """
            components:
              - { id: sh, type: shell, command: [ echo, "${input.text}" ] }
            workflow:
              jobs:
                - id: review
                  component: sh
                  input: { text: "${input.text}" }
                  interrupt:
                    before:
                      message: "approve ${job.input.text}?"
                      metadata: { text: "${job.input.text}" }
                    after:
                      condition: { operator: eq, input: "${job.output}", value: "flag" }
                      message: "check ${job.output}"
                  retry: 2
                  output: { said: "${output}" }
            """;

    @Test
    void aPauseBeforeHoldsTheDispatchUntilAnAnswer() {
        EngineHarness h = new EngineHarness(REVIEW);
        h.submit("r1", Map.of("text", "xyz"));
        assertThat(h.dispatched).isEmpty();
        RunSnapshot shown = h.updates.get(h.updates.size() - 1);
        assertThat(shown.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(shown.interrupt()).isEqualTo(new RunInterrupt("review", "r1", "before", "approve xyz?",
                Map.of("text", "xyz")));
        h.coordinator.resume("r1", "review", null);
        assertThat(h.dispatch("review").input()).isEqualTo(Map.of("text", "xyz"));
        assertThat(h.updates.get(h.updates.size() - 1).status()).isEqualTo(RunStatus.PROCESSING);
        h.succeed("review", "done");
        assertThat(h.result("r1").output()).isEqualTo(Map.of("said", "done"));
    }

    @Test
    void anAnswerBeforeReplacesTheInputAndOneAfterReplacesTheResult() {
        EngineHarness h = new EngineHarness(REVIEW);
        h.submit("r1", Map.of("text", "xyz"));
        h.coordinator.resume("r1", "review", Map.of("text", "replaced"));
        assertThat(h.dispatch("review").input()).isEqualTo(Map.of("text", "replaced"));
        h.succeed("review", "flag");
        assertThat(h.finished).isEmpty();
        assertThat(h.updates.get(h.updates.size() - 1).interrupt())
                .isEqualTo(new RunInterrupt("review", "r1", "after", "check flag", null));
        h.coordinator.resume("r1", "review", "fixed");
        assertThat(h.result("r1").output()).isEqualTo(Map.of("said", "fixed"));
    }

    @Test
    void aPauseWhoseConditionDoesNotHoldIsSkipped() {
        EngineHarness h = new EngineHarness(REVIEW);
        h.submit("r1", Map.of("text", "xyz"));
        h.coordinator.resume("r1", "review", null);
        h.succeed("review", "fine");
        assertThat(h.result("r1").status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void anAnswerNamingAnotherJobOrNoPauseChangesNothing() {
        EngineHarness h = new EngineHarness(REVIEW);
        h.submit("r1", Map.of("text", "xyz"));
        h.coordinator.resume("r1", "zzz", null);
        assertThat(h.dispatched).isEmpty();
        h.coordinator.resume("r1", "review", null);
        h.coordinator.resume("r1", "review", Map.of("text", "late"));
        assertThat(h.dispatched).hasSize(1);
        assertThat(h.dispatch("review").input()).isEqualTo(Map.of("text", "xyz"));
    }

    @Test
    void cancellingAnInterruptedRunCancelsIt() {
        EngineHarness h = new EngineHarness(REVIEW);
        h.submit("r1", Map.of("text", "xyz"));
        assertThat(h.coordinator.cancel("r1").status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(h.result("r1").interrupt()).isNull();
        assertThat(h.dispatched).isEmpty();
    }

    @Test
    void aRetryAsksAgainButALostWorkerDoesNot() {
        EngineHarness h = new EngineHarness(REVIEW);
        h.submit("r1", Map.of("text", "xyz"));
        h.coordinator.resume("r1", "review", Map.of("text", "once"));
        h.coordinator.leaseExpired(new AttemptId("r1", "review", 1));
        assertThat(h.dispatch("review").attempt()).isEqualTo(2);
        assertThat(h.dispatch("review").input()).isEqualTo(Map.of("text", "once"));
        int updates = h.updates.size();
        h.fail("review", "exit 1");
        assertThat(h.updates).hasSize(updates + 1);
        assertThat(h.updates.get(updates).interrupt().phase()).isEqualTo("before");
        assertThat(h.updates.get(updates).interrupt().message()).isEqualTo("approve xyz?");
    }
}
