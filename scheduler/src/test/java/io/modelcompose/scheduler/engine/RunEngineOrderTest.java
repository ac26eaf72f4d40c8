package io.modelcompose.scheduler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.event.AttemptId;
import io.modelcompose.shared.event.RunStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunEngineOrderTest {

    @Test
    void jobsWithoutDependsOnRunAsAPipeline() {
        EngineHarness h = new EngineHarness("""
                workflow:
                  id: chain
                  jobs:
                    - id: a
                      component: shell
                      command: echo a
                    - id: b
                      component: shell
                      command: echo b
                      input: { got: "${output}" }
                    - id: c
                      component: shell
                      command: echo c
                """);
        h.submit("r1", Map.of("x", 1));
        assertThat(h.dispatchedKeys()).containsExactly("a");
        assertThat(h.dispatch("a").input()).isEqualTo(Map.of("x", 1));
        h.succeed("a", "A");
        assertThat(h.dispatchedKeys()).containsExactly("a", "b");
        assertThat(h.dispatch("b").input()).isEqualTo(Map.of("got", "A"));
        h.succeed("b", "B");
        h.succeed("c", "C");
        assertThat(h.result("r1").status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(h.result("r1").output()).isEqualTo("C");
    }

    @Test
    void independentBranchesStartTogetherAndJoinWaitsForAll() {
        EngineHarness h = new EngineHarness("""
                workflow:
                  jobs:
                    - { id: left, component: shell, command: echo l, depends_on: [] }
                    - { id: right, component: shell, command: echo r, depends_on: [] }
                    - id: join
                      component: shell
                      command: echo j
                      depends_on: [left, right]
                      input: { l: "${jobs.left.output}", r: "${output.right}" }
                """);
        h.submit("r1", null);
        assertThat(h.dispatchedKeys()).containsExactlyInAnyOrder("left", "right");
        h.succeed("left", 1);
        assertThat(h.dispatchedKeys()).doesNotContain("join");
        h.succeed("right", 2);
        assertThat(h.dispatch("join").input()).isEqualTo(Map.of("l", 1, "r", 2));
    }

    @Test
    void anyOfGroupStartsAfterTheFirstBranch() {
        EngineHarness h = new EngineHarness("""
                workflow:
                  jobs:
                    - { id: fast, component: shell, command: echo f, depends_on: [] }
                    - { id: slow, component: shell, command: echo s, depends_on: [] }
                    - { id: next, component: shell, command: echo n, depends_on: [[fast, slow]] }
                """);
        h.submit("r1", null);
        h.succeed("fast", "F");
        assertThat(h.dispatchedKeys()).contains("next");
        assertThat(h.dispatch("next").input()).isNull();
    }

    @Test
    void runOutputMergesObjectsOfTerminalJobs() {
        EngineHarness h = new EngineHarness("""
                workflow:
                  jobs:
                    - { id: a, component: shell, command: echo a, depends_on: [] }
                    - { id: b, component: shell, command: echo b, depends_on: [] }
                """);
        h.submit("r1", null);
        h.succeed("b", Map.of("b", 2));
        h.succeed("a", Map.of("a", 1, "b", 3));
        assertThat(h.result("r1").output()).isEqualTo(Map.of("a", 1, "b", 3));
    }

    @Test
    void workflowOutputMappingWinsOverTerminalOutput() {
        EngineHarness h = new EngineHarness("""
                workflow:
                  output: { first: "${jobs.a.output}", last: "${output}", n: "${input.n}" }
                  jobs:
                    - { id: a, component: shell, command: echo a }
                    - { id: b, component: shell, command: echo b }
                """);
        h.submit("r1", Map.of("n", 7));
        h.succeed("a", "A");
        h.succeed("b", "B");
        assertThat(h.result("r1").output()).isEqualTo(Map.of("first", "A", "last", "B", "n", 7));
    }

    @Test
    void jobOutputMappingSeesTheComponentSources() {
        EngineHarness h = new EngineHarness("""
                workflow:
                  jobs:
                    - id: t
                      component: shell
                      command: echo 5
                      output: ${stdout.trim()}
                """);
        h.submit("r1", null);
        var d = h.dispatch("t");
        h.coordinator.jobSucceeded(new AttemptId("r1", "t", d.attempt()), Map.of("stdout", " 5 "), Map.of("stdout", " 5 "));
        assertThat(h.result("r1").output()).isEqualTo("5");
    }

    @Test
    void seedTimedWorkflowComputesTheDuration() {
        EngineHarness h = new EngineHarness("""
                components:
                  - id: api-client
                    type: http-client
                    base_url: http://127.0.0.1:9
                    path: /x
                workflows:
                  - id: timed-workflow
                    jobs:
                      - id: start-time
                        component: shell
                        command: echo $(date +%s%3N)
                        output: ${stdout.trim()}
                      - id: process
                        component: api-client
                        input: ${input}
                      - id: end-time
                        component: shell
                        command: echo $(date +%s%3N)
                        output: ${stdout.trim()}
                      - id: log-duration
                        component: logger
                        input:
                          message: "took ${output.end-time - output.start-time}ms"
                """);
        h.submit("r1", Map.of("q", 1));
        h.coordinator.jobSucceeded(new AttemptId("r1", "start-time", 1), null, Map.of("stdout", "1700000000123\n"));
        assertThat(h.dispatch("process").input()).isEqualTo(Map.of("q", 1));
        assertThat(h.dispatch("process").componentRef()).isEqualTo("api-client");
        h.succeed("process", Map.of("ok", true));
        h.coordinator.jobSucceeded(new AttemptId("r1", "end-time", 1), null, Map.of("stdout", "1700000000168"));
        assertThat(h.dispatch("log-duration").input()).isEqualTo(Map.of("message", "took 45ms"));
        assertThat(h.dispatch("log-duration").componentRef()).isEqualTo("timed-workflow/log-duration");
        assertThat(h.dispatch("log-duration").context()).containsEntry("run_id", "r1")
                .containsEntry("job_id", "log-duration").containsEntry("attempt", 1);
    }

    @Test
    void expressionErrorInInputFailsTheRunNamingTheExpression() {
        EngineHarness h = new EngineHarness("""
                workflow:
                  jobs:
                    - { id: a, component: shell, command: echo a }
                    - id: b
                      component: shell
                      command: echo b
                      input: "${output.x - 1}"
                """);
        h.submit("r1", null);
        h.succeed("a", Map.of("x", "abc"));
        assertThat(h.result("r1").status()).isEqualTo(RunStatus.FAILED);
        assertThat(h.result("r1").error()).startsWith("job 'b' failed: ").contains("${output.x - 1}");
        assertThat(h.dispatchedKeys()).containsExactly("a");
    }

    @Test
    void subWorkflowRunsInsideTheSameRun() {
        EngineHarness h = new EngineHarness("""
                components:
                  - id: child-runner
                    type: workflow
                    workflow: child
                    input: { v: "${input.value}" }
                    output: { wrapped: "${output}" }
                workflows:
                  - id: parent
                    default: true
                    jobs:
                      - id: call
                        component: child-runner
                        input: { value: "${input.n}" }
                  - id: child
                    jobs:
                      - id: inner
                        component: shell
                        command: echo ${input.v}
                """);
        h.submit("r1", Map.of("n", 3));
        assertThat(h.dispatchedKeys()).containsExactly("call/inner");
        assertThat(h.dispatch("call/inner").input()).isEqualTo(Map.of("v", 3));
        assertThat(h.dispatch("call/inner").workflowId()).isEqualTo("child");
        h.succeed("call/inner", "done");
        assertThat(h.result("r1").output()).isEqualTo(Map.of("wrapped", "done"));
    }

    @Test
    void failedJobFailsTheRunAndCancelsItsSiblings() {
        EngineHarness h = new EngineHarness("""
                workflow:
                  jobs:
                    - { id: a, component: shell, command: echo a, depends_on: [] }
                    - { id: b, component: shell, command: echo b, depends_on: [] }
                """);
        h.submit("r1", null);
        h.fail("a", "boom");
        assertThat(h.result("r1").status()).isEqualTo(RunStatus.FAILED);
        assertThat(h.result("r1").error()).isEqualTo("job 'a' failed: boom");
        assertThat(h.cancelled).extracting(EngineCommand.CancelJob::jobKey).containsExactly("b");
        h.succeed("b", "late");
        assertThat(h.finished).hasSize(1);
        assertThat(List.copyOf(h.finished.values()).get(0).status()).isEqualTo(RunStatus.FAILED);
    }
}
