package io.modelcompose.scheduler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.scheduler.engine.EngineCommand.CancelJob;
import io.modelcompose.scheduler.engine.EngineCommand.DispatchJob;
import io.modelcompose.scheduler.engine.EngineCommand.TimerKind;
import io.modelcompose.shared.event.RunStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** filter, for-each, delay and repeat_count jobs in the pure engine, driven by the injected clock. */
class RunEngineItemsTest {
    private static final String LOG = """
            components:
              - id: log
                type: logger
            """;

    @Test
    void filterKeepsTheItemsWhereAllAnyAndNotHold() {
        EngineHarness h = new EngineHarness(LOG + """
                workflow:
                  jobs:
                    - id: keep
                      type: filter
                      input: ${input}
                      where:
                        all:
                          - { input: "${item.score}", operator: gte, value: 50 }
                          - any:
                              - { input: "${item.name}", operator: starts-with, value: a }
                              - not: { input: "${index}", operator: in, value: [ 0, 1, 2 ] }
                    - { id: show, component: log, input: "${output}" }
                """);
        List<Map<String, Object>> items = List.of(Map.of("name", "ann", "score", 90), Map.of("name", "bob",
                "score", 80), Map.of("name", "al", "score", 10), Map.of("name", "cy", "score", 70));
        h.submit("r1", items);
        assertThat(h.dispatch("show").input()).isEqualTo(List.of(items.get(0), items.get(3)));
    }

    @Test
    void filterOfAScalarKeepsItOrGivesNull() {
        String yaml = LOG + """
                workflow:
                  jobs:
                    - { id: keep, type: filter, input: "${input}", where: { input: "${item}", operator: gt, value: 5 } }
                    - { id: show, component: log, input: { kept: "${output}" } }
                """;
        EngineHarness big = new EngineHarness(yaml);
        big.submit("r1", 7);
        assertThat(big.dispatch("show").input()).isEqualTo(Map.of("kept", 7));
        EngineHarness small = new EngineHarness(yaml);
        small.submit("r1", 3);
        assertThat(small.dispatch("show").input()).isEqualTo(java.util.Collections.singletonMap("kept", null));
    }

    private static final String FOR_EACH = LOG + """
            workflow:
              jobs:
                - id: each
                  type: for-each
                  input: ${input}
                  batch_size: 2
                  do:
                    component: log
                    input: { n: "${item}", at: "${index}" }
                    output: { doubled: "${output.n * 2}" }
                  output: { results: "${output}" }
            """;

    @Test
    void forEachRunsBatchesInTurnAndKeepsTheInputOrder() {
        EngineHarness h = new EngineHarness(FOR_EACH);
        h.submit("r1", List.of(1, 2, 3, 4, 5));
        assertThat(h.dispatchedKeys()).containsExactly("each[0]", "each[1]");
        assertThat(h.dispatch("each[1]").input()).isEqualTo(Map.of("n", 2, "at", 1));
        h.succeed("each[1]", Map.of("n", 2));
        assertThat(h.dispatched).as("the batch is not over").hasSize(2);
        h.succeed("each[0]", Map.of("n", 1));
        assertThat(h.dispatchedKeys()).containsExactly("each[0]", "each[1]", "each[2]", "each[3]");
        h.succeed("each[3]", Map.of("n", 4));
        h.succeed("each[2]", Map.of("n", 3));
        assertThat(h.dispatchedKeys()).endsWith("each[4]");
        h.succeed("each[4]", Map.of("n", 5));
        assertThat(h.result("r1").status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(h.result("r1").output()).isEqualTo(Map.of("results", List.of(Map.of("doubled", 2L),
                Map.of("doubled", 4L), Map.of("doubled", 6L), Map.of("doubled", 8L), Map.of("doubled", 10L))));
    }

    @Test
    void cancellingAForEachStopsItsBatchAndStartsNoOther() {
        EngineHarness h = new EngineHarness(FOR_EACH);
        h.submit("r1", List.of(1, 2, 3, 4, 5));
        h.succeed("each[0]", Map.of("n", 1));
        h.coordinator.cancel("r1");
        assertThat(h.cancelled).extracting(CancelJob::jobKey).containsExactly("each[1]");
        h.succeed("each[1]", Map.of("n", 2));
        assertThat(h.dispatched).hasSize(2);
        assertThat(h.result("r1").status()).isEqualTo(RunStatus.CANCELLED);
    }

    @Test
    void aFailedItemRetriesTheWholeForEachAsANewAttempt() {
        EngineHarness h = new EngineHarness(FOR_EACH.replace("batch_size: 2", "batch_size: 2\n      retry: 2"));
        h.submit("r1", List.of(1, 2));
        h.fail("each[0]", "boom");
        assertThat(h.cancelled).extracting(CancelJob::jobKey).containsExactly("each[1]");
        assertThat(h.dispatched).extracting(DispatchJob::attempt).containsExactly(1, 1, 2, 2);
        h.succeed("each[1]", Map.of("n", 2));
        h.succeed("each[0]", Map.of("n", 1));
        assertThat(h.result("r1").output()).isEqualTo(Map.of("results", List.of(Map.of("doubled", 2L),
                Map.of("doubled", 4L))));
    }

    @Test
    void delayWaitsForTheInjectedClock() {
        EngineHarness h = new EngineHarness(LOG + """
                workflow:
                  jobs:
                    - { id: pause, type: delay, duration: 5s }
                    - { id: after, component: log }
                """);
        h.submit("r1", "x");
        assertThat(h.dispatched).isEmpty();
        assertThat(h.timers).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(TimerKind.DELAY);
            assertThat(Duration.between(h.clock.instant(), t.dueAt())).isEqualTo(Duration.ofSeconds(5));
        });
        h.clock.advance(Duration.ofSeconds(4));
        h.fireDueTimers();
        assertThat(h.dispatched).isEmpty();
        h.clock.advance(Duration.ofSeconds(1));
        h.fireDueTimers();
        assertThat(h.dispatchedKeys()).containsExactly("after");
    }

    @Test
    void delayUntilASpecificTimeInItsTimezone() {
        String yaml = LOG + """
                workflow:
                  jobs:
                    - { id: wake, type: delay, mode: specific-time, time: "%s", timezone: Asia/Seoul }
                    - { id: after, component: log }
                """;
        EngineHarness h = new EngineHarness(yaml.formatted("2030-01-01T09:00:00"));
        h.submit("r1", null);
        assertThat(h.timers).singleElement().satisfies(t ->
                assertThat(t.dueAt()).isEqualTo(java.time.Instant.parse("2030-01-01T00:00:00Z")));
        EngineHarness past = new EngineHarness(yaml.formatted("2000-01-01 09:00:00"));
        past.submit("r1", null);
        assertThat(past.timers).isEmpty();
        assertThat(past.dispatchedKeys()).containsExactly("after");
    }

    @Test
    void repeatCountRunsTheActionThatOftenAndListsTheOutputs() {
        EngineHarness h = new EngineHarness(LOG + """
                workflow:
                  jobs:
                    - { id: ask, component: log, input: same, repeat_count: "${input.n}", output: { got: "${output}" } }
                """);
        h.submit("r1", Map.of("n", 3));
        assertThat(h.dispatchedKeys()).containsExactly("ask[0]", "ask[1]", "ask[2]");
        assertThat(h.dispatched).extracting(DispatchJob::input).containsOnly("same");
        h.succeed("ask[2]", "c");
        h.succeed("ask[0]", "a");
        h.succeed("ask[1]", "b");
        assertThat(h.result("r1").output()).isEqualTo(List.of(Map.of("got", "a"), Map.of("got", "b"),
                Map.of("got", "c")));
    }
}
