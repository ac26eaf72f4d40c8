package io.modelcompose.scheduler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.event.AttemptId;
import io.modelcompose.shared.event.RunStatus;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code hook.before} / {@code hook.after}: component calls around a job, each result replacing its input / result. */
class RunEngineHookTest {
    private static final String HOOKED = """
            components:
              - { id: sh, type: shell, command: [ echo, "${input.text}" ] }
              - id: hooks
                type: shell
                max_concurrent_count: 1
                actions:
                  - { id: edit, command: [ echo, "${input.text}" ] }
                  - { id: wrap, command: [ echo, "${input}" ] }
            workflow:
              jobs:
                - id: job
                  component: sh
                  input: { text: "${input.text}" }
                  hook:
                    before:
                      - { component: hooks, action: edit }
                      - { component: hooks, action: edit, input: { text: "${input.text}!" } }
                    after:
                      - { component: hooks, action: wrap }
                      - { component: hooks, action: wrap, input: { got: "${output}", from: "${input.text}" } }
                  retry: 2
                  timeout: 5s
                  output: { final: "${output}" }
            """;

    @Test
    void beforeHooksRunInOrderAndEachResultReplacesTheInput() {
        EngineHarness h = new EngineHarness(HOOKED);
        h.submit("r1", Map.of("text", "a"));
        assertThat(h.dispatchedKeys()).containsExactly("job~before.0");
        assertThat(h.dispatch("job~before.0").componentRef()).isEqualTo("hooks");
        assertThat(h.dispatch("job~before.0").actionId()).isEqualTo("edit");
        assertThat(h.dispatch("job~before.0").input()).isEqualTo(Map.of("text", "a"));
        h.succeed("job~before.0", Map.of("text", "b"));
        assertThat(h.dispatch("job~before.1").input()).isEqualTo(Map.of("text", "b!"));
        h.succeed("job~before.1", Map.of("text", "c"));
        assertThat(h.dispatch("job").input()).isEqualTo(Map.of("text", "c"));
        assertThat(h.dispatchedKeys()).containsExactly("job~before.0", "job~before.1", "job");
    }

    @Test
    void afterHooksRunInOrderAndEachResultReplacesTheResultBeforeTheOutputIsRendered() {
        EngineHarness h = throughTheComponent();
        h.succeed("job", "out");
        assertThat(h.dispatch("job~after.0").input()).isEqualTo(Map.of("input", Map.of("text", "c"), "output", "out"));
        assertThat(h.finished).isEmpty();
        h.succeed("job~after.0", "x");
        assertThat(h.dispatch("job~after.1").input()).isEqualTo(Map.of("got", "x", "from", "c"));
        h.succeed("job~after.1", "y");
        assertThat(h.result("r1").output()).isEqualTo(Map.of("final", "y"));
    }

    @Test
    void anAfterHookAnsweringNullMakesTheResultNull() {
        EngineHarness h = throughTheComponent();
        h.succeed("job", "out");
        h.succeed("job~after.0", "x");
        h.succeed("job~after.1", null);
        Map<String, Object> expected = new HashMap<>();
        expected.put("final", null);
        assertThat(h.result("r1").output()).isEqualTo(expected);
    }

    @Test
    void aFailedHookFailsTheAttemptAndTheRetryCallsEveryHookAgain() {
        EngineHarness h = new EngineHarness(HOOKED);
        h.submit("r1", Map.of("text", "a"));
        h.succeed("job~before.0", Map.of("text", "b"));
        h.fail("job~before.1", "exit 1");
        assertThat(h.dispatch("job~before.0").attempt()).isEqualTo(2);
        assertThat(h.dispatch("job~before.0").input()).isEqualTo(Map.of("text", "a"));
        h.succeed("job~before.0", Map.of("text", "b"));
        h.succeed("job~before.1", Map.of("text", "c"));
        h.succeed("job", "out");
        h.fail("job~after.0", "exit 2");
        assertThat(h.result("r1").status()).isEqualTo(RunStatus.FAILED);
        assertThat(h.result("r1").error()).isEqualTo("job 'job' failed: hook.after[0] (component 'hooks'): exit 2");
    }

    @Test
    void aLostHookIsCalledAgainAsTheNextAttemptWithTheSameInput() {
        EngineHarness h = new EngineHarness(HOOKED);
        h.submit("r1", Map.of("text", "a"));
        h.succeed("job~before.0", Map.of("text", "b"));
        h.coordinator.leaseExpired(new AttemptId("r1", "job~before.1", 1));
        assertThat(h.cancelled).extracting(c -> c.id()).containsExactly(new AttemptId("r1", "job~before.1", 1));
        assertThat(h.dispatch("job~before.1").attempt()).isEqualTo(2);
        assertThat(h.dispatch("job~before.1").input()).isEqualTo(Map.of("text", "b!"));
        assertThat(h.dispatch("job~before.1").context()).containsEntry("attempt", 2);
        h.coordinator.jobSucceeded(new AttemptId("r1", "job~before.1", 1), Map.of("text", "late"), Map.of());
        assertThat(h.dispatchedKeys()).doesNotContain("job");
        h.succeed("job~before.1", Map.of("text", "c"));
        assertThat(h.dispatch("job").input()).isEqualTo(Map.of("text", "c"));
        assertThat(h.dispatch("job").attempt()).isEqualTo(2);
    }

    @Test
    void aLostComponentIsSentAgainWithTheInputItsHooksGaveWithoutCallingThemAgain() {
        EngineHarness h = throughTheComponent();
        h.coordinator.leaseExpired(new AttemptId("r1", "job", 1));
        assertThat(h.dispatch("job").attempt()).isEqualTo(2);
        assertThat(h.dispatch("job").input()).isEqualTo(Map.of("text", "c"));
        assertThat(h.dispatchedKeys()).containsExactly("job~before.0", "job~before.1", "job", "job");
    }

    @Test
    void cancellingTheRunCancelsTheHookInFlight() {
        EngineHarness h = throughTheComponent();
        h.succeed("job", "out");
        assertThat(h.coordinator.cancel("r1").status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(h.cancelled).extracting(c -> c.id()).containsExactly(new AttemptId("r1", "job~after.0", 1));
    }

    @Test
    void theJobsTimeoutCoversItsHooks() {
        EngineHarness h = new EngineHarness(HOOKED);
        h.submit("r1", Map.of("text", "a"));
        assertThat(h.timers).hasSize(1);
        h.clock.advance(Duration.ofSeconds(6));
        h.fireDueTimers();
        assertThat(h.cancelled).extracting(c -> c.id()).containsExactly(new AttemptId("r1", "job~before.0", 1));
        assertThat(h.dispatched).hasSize(1); // the stopped call holds its slot of 'hooks' until its worker says so
        h.coordinator.jobFailed(new AttemptId("r1", "job~before.0", 1), "cancelled");
        assertThat(h.dispatch("job~before.0").attempt()).isEqualTo(2);
        assertThat(h.finished).isEmpty();
    }

    @Test
    void theHookComponentsLimitHoldsAcrossRuns() {
        EngineHarness h = new EngineHarness(HOOKED);
        h.submit("r1", Map.of("text", "a"));
        h.submit("r2", Map.of("text", "z"));
        assertThat(h.dispatched).extracting(d -> d.runId() + ":" + d.jobKey()).containsExactly("r1:job~before.0");
        h.succeed("job~before.0", Map.of("text", "b"));
        assertThat(h.dispatched).extracting(d -> d.runId() + ":" + d.jobKey())
                .containsExactly("r1:job~before.0", "r2:job~before.0");
    }

    @Test
    void aRepeatedComponentResultWhileAfterHooksRunIsIgnored() {
        EngineHarness h = throughTheComponent();
        h.succeed("job", "out");
        h.succeed("job", "again");
        assertThat(h.dispatchedKeys()).containsExactly("job~before.0", "job~before.1", "job", "job~after.0");
    }

    @Test
    void theOrderIsInterruptBeforeHooksBeforeComponentInterruptAfterHooksAfter() {
        EngineHarness h = new EngineHarness(HOOKED.replace("      retry: 2\n", """
                      retry: 2
                      interrupt:
                        before: { message: "go?" }
                        after: { message: "result ${job.output} from ${job.input.text}" }
                """));
        h.submit("r1", Map.of("text", "a"));
        assertThat(h.dispatched).isEmpty();
        h.coordinator.resume("r1", "job", Map.of("text", "answered"));
        assertThat(h.dispatch("job~before.0").input()).isEqualTo(Map.of("text", "answered"));
        h.succeed("job~before.0", Map.of("text", "b"));
        h.succeed("job~before.1", Map.of("text", "c"));
        h.succeed("job", "out");
        assertThat(h.dispatchedKeys()).doesNotContain("job~after.0");
        assertThat(h.updates.get(h.updates.size() - 1).interrupt().message()).isEqualTo("result out from c");
        h.coordinator.resume("r1", "job", "edited");
        assertThat(h.dispatch("job~after.0").input()).isEqualTo(Map.of("input", Map.of("text", "c"),
                "output", "edited"));
        h.succeed("job~after.0", "x");
        h.succeed("job~after.1", "y");
        assertThat(h.result("r1").output()).isEqualTo(Map.of("final", "y"));
    }

    /** A run of {@link #HOOKED} whose before hooks have answered; its component is dispatched with {text: c}. */
    private static EngineHarness throughTheComponent() {
        EngineHarness h = new EngineHarness(HOOKED);
        h.submit("r1", Map.of("text", "a"));
        h.succeed("job~before.0", Map.of("text", "b"));
        h.succeed("job~before.1", Map.of("text", "c"));
        return h;
    }
}
