package io.modelcompose.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.load.ConfigLoader;
import io.modelcompose.shared.config.LoadRequest;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.RunStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrency limits measured by the component itself: real shell processes record when they start and end. */
class LocalRunnerLimitsTest {
    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    private ComposeConfig load(String yaml) throws Exception {
        Files.writeString(dir.resolve("model-compose.yml"), yaml);
        return ConfigLoader.load(new LoadRequest(List.of(), List.of(), Map.of(), Map.of(), dir));
    }

    /** Largest number of [start, end] intervals that overlap at one instant. */
    static int maxOverlap(List<long[]> intervals) {
        List<long[]> edges = new ArrayList<>();
        intervals.forEach(i -> {
            edges.add(new long[] {i[0], 1});
            edges.add(new long[] {i[1], -1});
        });
        edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int current = 0;
        int max = 0;
        for (long[] e : edges) {
            current += (int) e[1];
            max = Math.max(max, current);
        }
        return max;
    }

    private List<long[]> intervals(Path log) throws Exception {
        List<long[]> result = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            String[] parts = line.trim().split("\\s+");
            result.add(new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])});
        }
        return result;
    }

    @Test
    void componentLimitHoldsAcrossConcurrentRuns() throws Exception {
        Path log = dir.resolve("spans.log");
        ComposeConfig config = load("""
                components:
                  - id: limited
                    type: shell
                    max_concurrent_count: 2
                    command: 's=$(date +%s%N); sleep 0.2; e=$(date +%s%N); echo "$s $e" >> spans.log'
                workflow:
                  jobs:
                    - { id: work, component: limited }
                """);
        try (LocalRunner runner = new LocalRunner(vertx, config, dir)) {
            List<Future<RunSnapshot>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(runner.run(null, Map.of("i", i)));
            }
            Future.all(runs).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            assertThat(runs).allSatisfy(f -> assertThat(f.result().status()).isEqualTo(RunStatus.COMPLETED));
        }
        List<long[]> spans = intervals(log);
        assertThat(spans).hasSize(8);
        assertThat(maxOverlap(spans)).isEqualTo(2);
    }

    @Test
    void controllerLimitHoldsRunsBack() throws Exception {
        Path log = dir.resolve("spans.log");
        ComposeConfig config = load("""
                controller: { max_concurrent_count: 3 }
                workflow:
                  jobs:
                    - id: work
                      component: shell
                      command: 's=$(date +%s%N); sleep 0.2; e=$(date +%s%N); echo "$s $e" >> spans.log'
                """);
        try (LocalRunner runner = new LocalRunner(vertx, config, dir)) {
            List<Future<RunSnapshot>> runs = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                runs.add(runner.run(null, null));
            }
            Future.all(runs).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
        List<long[]> spans = intervals(log);
        assertThat(spans).hasSize(9);
        assertThat(maxOverlap(spans)).isEqualTo(3);
    }

    @Test
    void timeoutKillsTheProcessAndRetries() throws Exception {
        ComposeConfig config = load("""
                workflow:
                  jobs:
                    - id: slow
                      component: shell
                      command: 'echo x >> attempts.log; sleep 30'
                      timeout: 300ms
                      retry: { max_attempt_count: 2, delay: 10ms }
                """);
        RunSnapshot result;
        try (LocalRunner runner = new LocalRunner(vertx, config, dir)) {
            result = runner.run(null, null).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error()).isEqualTo("job 'slow' failed: timed out after 300ms");
        // two attempts that each waited out 'sleep 30' could not both have been logged within the 30 s wait above
        assertThat(Files.readAllLines(dir.resolve("attempts.log"))).hasSize(2);
    }
}
