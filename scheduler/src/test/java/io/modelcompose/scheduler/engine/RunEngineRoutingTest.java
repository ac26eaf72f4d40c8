package io.modelcompose.scheduler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.event.RunStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** if, switch and random-router jobs route as upstream's scheduler does, in the pure engine. */
class RunEngineRoutingTest {
    private static final String COMPONENT = """
            components:
              - id: format
                type: shell
                command: [ echo, "${input}" ]
            """;

    private static final String IF = COMPONENT + """
            workflow:
              jobs:
                - id: classify
                  type: if
                  input: ${input.score as integer}
                  conditions:
                    - { operator: gte, value: 90, if_true: grade-a }
                    - { operator: gte, value: 70, if_true: grade-b }
                  otherwise: grade-f
                - { id: grade-a, component: format, input: A }
                - { id: grade-b, component: format, input: B }
                - { id: grade-f, component: format, input: F }
            """;

    @Test
    void ifRoutesToTheFirstMatchingConditionAndStartsOnlyThatTarget() {
        EngineHarness h = new EngineHarness(IF);
        h.submit("r1", Map.of("score", "75"));
        assertThat(h.dispatchedKeys()).containsExactly("grade-b");
        h.succeed("grade-b", Map.of("grade", "B"));
        assertThat(h.result("r1").status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(h.result("r1").output()).isEqualTo(Map.of("grade", "B"));
    }

    @Test
    void ifFallsBackToOtherwise() {
        EngineHarness h = new EngineHarness(IF);
        h.submit("r1", Map.of("score", 12));
        assertThat(h.dispatchedKeys()).containsExactly("grade-f");
    }

    @Test
    void ifComparingAStringWithANumberFailsTheRunWithAClearError() {
        EngineHarness h = new EngineHarness(COMPONENT + """
                workflow:
                  jobs:
                    - { id: check, type: if, input: "${input.x}", operator: gt, value: 1, if_true: yes }
                    - { id: yes, component: format }
                """);
        h.submit("r1", Map.of("x", "90"));
        assertThat(h.result("r1").status()).isEqualTo(RunStatus.FAILED);
        assertThat(h.result("r1").error()).isEqualTo(
                "job 'check' failed: cannot apply 'gt' to the string '90' and the number 1");
    }

    @Test
    void switchMatchesStringCasesAndElseOtherwise() {
        String yaml = COMPONENT + """
                workflow:
                  jobs:
                    - id: pick
                      type: switch
                      input: ${input.language}
                      cases:
                        - { value: ko, then: greet-ko }
                        - { value: "1", then: greet-one }
                      otherwise: greet-default
                    - { id: greet-ko, component: format }
                    - { id: greet-one, component: format }
                    - { id: greet-default, component: format }
                """;
        EngineHarness ko = new EngineHarness(yaml);
        ko.submit("r1", Map.of("language", "ko"));
        assertThat(ko.dispatchedKeys()).containsExactly("greet-ko");
        EngineHarness number = new EngineHarness(yaml);
        number.submit("r1", Map.of("language", 1));
        assertThat(number.dispatchedKeys()).as("1 is not '1', as in Python").containsExactly("greet-default");
    }

    private static final String RANDOM = COMPONENT + """
            workflows:
              - id: uniform
                default: true
                jobs:
                  - id: pick
                    type: random-router
                    routings: [ { to: a }, { to: b } ]
                  - { id: a, component: format }
                  - { id: b, component: format }
              - id: weighted
                jobs:
                  - id: pick
                    type: random-router
                    mode: weighted
                    routings: [ { to: a, weight: 3 }, { to: never, weight: 0 }, { to: b, weight: 1 } ]
                  - { id: a, component: format }
                  - { id: never, component: format }
                  - { id: b, component: format }
            """;

    @Test
    void randomRouterIsDeterministicPerRunAndReachesEveryTarget() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            EngineHarness first = new EngineHarness(RANDOM);
            EngineHarness replay = new EngineHarness(RANDOM);
            first.submit("run-" + i, null);
            replay.submit("run-" + i, null);
            assertThat(replay.dispatchedKeys()).as("same run, same choice").isEqualTo(first.dispatchedKeys());
            assertThat(first.dispatchedKeys()).hasSize(1);
            seen.addAll(first.dispatchedKeys());
        }
        assertThat(seen).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void weightedRouterNeverPicksAZeroWeight() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            EngineHarness h = new EngineHarness(RANDOM);
            h.coordinator.submit("run-" + i, "weighted", null, null);
            seen.addAll(h.dispatchedKeys());
        }
        assertThat(seen).containsExactlyInAnyOrder("a", "b");
    }

    private static final String LOOP = COMPONENT + """
            workflow:
              jobs:
                - { id: begin, type: switch, input: go, value: go, then: work }
                - { id: work, component: format, max_run_count: %d }
                - id: check
                  type: if
                  depends_on: [ work ]
                  input: ${jobs.work.output}
                  conditions: [ { operator: lt, value: 3, if_true: work } ]
                  otherwise: done
                - { id: done, component: format, input: "${jobs.work.output}" }
            """;

    @Test
    void routingBackToAFinishedJobRewindsItAndWhatDependsOnIt() {
        EngineHarness h = new EngineHarness(LOOP.formatted(25));
        h.submit("r1", null);
        for (int n = 1; n <= 3; n++) {
            assertThat(h.dispatched).hasSize(n);
            assertThat(h.dispatch("work").input()).isNull();
            h.succeed("work", n);
        }
        assertThat(h.dispatchedKeys()).containsExactly("work", "work", "work", "done");
        assertThat(h.dispatch("done").input()).isEqualTo(3);
        h.succeed("done", "finished at 3");
        assertThat(h.result("r1").status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(h.result("r1").output()).isEqualTo("finished at 3");
    }

    @Test
    void aLoopStopsAtMaxRunCount() {
        EngineHarness h = new EngineHarness(LOOP.formatted(2));
        h.submit("r1", null);
        h.succeed("work", 1);
        h.succeed("work", 2);
        assertThat(h.dispatchedKeys()).containsExactly("work", "work");
        assertThat(h.result("r1").status()).isEqualTo(RunStatus.FAILED);
        assertThat(h.result("r1").error()).isEqualTo("job 'work' has reached its max_run_count (2)");
    }

    @Test
    void onErrorRoutesIgnoresOrRendersAFallback() {
        EngineHarness h = new EngineHarness(COMPONENT + """
                workflow:
                  jobs:
                    - { id: ignored, component: format, on_error: ignore }
                    - id: fallback
                      component: format
                      on_error: { output: { failed: "${error.message}", before: "${jobs.ignored.output}" } }
                    - { id: routed, component: format, depends_on: [ fallback ], on_error: { to: recover } }
                    - { id: recover, component: format, input: "${jobs.fallback.output.failed}" }
                """);
        h.submit("r1", null);
        h.fail("ignored", "first");
        h.fail("fallback", "second");
        h.fail("routed", "third");
        assertThat(h.dispatchedKeys()).containsExactly("ignored", "fallback", "routed", "recover");
        assertThat(h.dispatch("recover").input()).isEqualTo("second");
        h.succeed("recover", "rescued");
        assertThat(h.result("r1").status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(h.result("r1").output()).isEqualTo("rescued");
        assertThat(h.dispatchedKeys()).doesNotHaveDuplicates();
        assertThat(List.of(h.result("r1").error() == null)).containsExactly(true);
    }
}
