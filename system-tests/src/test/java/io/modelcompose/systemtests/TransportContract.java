package io.modelcompose.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One engine, two transports: the same workflows give the same status, output and error whether the engine's
 * decisions are carried out in memory ({@code compose-cli run}) or over Kafka by the service set. Each subclass
 * runs {@link #BODY} on its transport.
 */
abstract class TransportContract {
    static final String BODY = """
            components:
              - id: log
                type: logger
              - id: child
                type: workflow
                workflow: double
            workflows:
              - id: chain
                jobs:
                  - id: hello
                    component: shell
                    command: [ echo, "hello ${input.name}" ]
                    output: ${stdout.trim()}
                  - id: shout
                    component: shell
                    input: { said: "${jobs.hello.output}" }
                    command: [ sh, -c, 'printf "%s!" "$1" | tr a-z A-Z', x, "${input.said}" ]
                    output: { text: "${stdout}", length: "${stdout.length() as integer}" }
              - id: loop
                jobs:
                  - { id: begin, type: switch, input: go, value: go, then: work }
                  - id: work
                    component: shell
                    command: 'echo x >> loop-${context.run_id}.log; wc -l < loop-${context.run_id}.log'
                    output: ${stdout.trim() as integer}
                  - id: check
                    type: if
                    depends_on: [ work ]
                    input: ${jobs.work.output}
                    conditions: [ { operator: lt, value: 3, if_true: work } ]
                    otherwise: done
                  - { id: done, component: log, input: { rounds: "${jobs.work.output}" } }
              - id: each
                jobs:
                  - id: keep
                    type: filter
                    input: ${input.items}
                    where: { all: [ { input: "${item}", operator: gte, value: 3 } ] }
                  - id: every
                    type: for-each
                    input: ${jobs.keep.output}
                    batch_size: 2
                    do: { component: log, input: { n: "${item}" }, output: "${output.n * 10}" }
              - id: fallback
                jobs:
                  - id: broken
                    component: shell
                    command: [ sh, -c, 'exit 3' ]
                    on_error:
                      output: { failed: "${error.message}" }
              - id: failing
                jobs:
                  - id: broken
                    component: shell
                    command: [ sh, -c, 'exit 4' ]
              - id: nested
                jobs:
                  - { id: wait, type: delay, duration: 200ms }
                  - { id: call, component: child, input: { n: "${input.n}" } }
              - id: double
                jobs:
                  - { id: twice, component: log, input: { n: "${input.n}" }, output: "${output.n * 2}" }
            """;

    /**
     * How a run ended on a transport.
     *
     * @param status the task status' wire name
     * @param output the run output as JSON (null node when none)
     * @param error the run's error, or null
     */
    record Outcome(String status, JsonNode output, String error) {
    }

    /** A value as JSON, read back from its text (so that 42 is 42 whatever number type held it). */
    static JsonNode json(Object value) {
        try {
            return Api.JSON.readTree(Api.JSON.writeValueAsString(value));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs the workflow to its end on this transport. */
    abstract Outcome run(String workflowId, Map<String, Object> input);

    @Test
    void aChainOfShellJobsPassesOutputsOn() {
        Outcome chain = run("chain", Map.of("name", "ada"));

        assertThat(chain.status()).as("%s", chain).isEqualTo("completed");
        assertThat(chain.output()).isEqualTo(json(Map.of("text", "HELLO ADA!", "length", 10)));
    }

    @Test
    void routingBackRewindsUntilTheConditionTurns() {
        Outcome loop = run("loop", Map.of());

        assertThat(loop.status()).as("%s", loop).isEqualTo("completed");
        assertThat(loop.output()).isEqualTo(json(Map.of("rounds", 3)));
    }

    @Test
    void aFilterThenForEachKeepsTheOrder() {
        Outcome each = run("each", Map.of("items", List.of(5, 1, 3, 2, 7, 4)));

        assertThat(each.status()).as("%s", each).isEqualTo("completed");
        assertThat(each.output()).isEqualTo(json(List.of(50, 30, 70, 40)));
    }

    @Test
    void onErrorGivesTheFallbackWithTheErrorMessage() {
        Outcome fallback = run("fallback", Map.of());

        assertThat(fallback.status()).as("%s", fallback).isEqualTo("completed");
        assertThat(fallback.output().path("failed").asText()).contains("exited with code 3");
    }

    @Test
    void aFailedJobFailsTheRunNamingJobAndCause() {
        Outcome failing = run("failing", Map.of());

        assertThat(failing.status()).isEqualTo("failed");
        assertThat(failing.error()).isEqualTo("job 'broken' failed: command exited with code 4");
    }

    @Test
    void aDelayThenASubWorkflow() {
        Outcome nested = run("nested", Map.of("n", 21));

        assertThat(nested.status()).as("%s", nested).isEqualTo("completed");
        assertThat(nested.output()).isEqualTo(json(42));
    }
}
