package io.modelcompose.gateway.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.gateway.run.FinishedRunLimits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The bounded store of finished runs: the oldest go first, by count and by bytes; old ones age out. */
class FinishedRunsTest {

    private static FinishedRuns store(int maxRuns, long maxBytes) {
        return new FinishedRuns(new FinishedRunLimits(maxRuns, maxBytes, Duration.ofHours(1)));
    }

    private static byte[] json(int size) {
        return "x".repeat(size).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void beyondTheCountTheOldestRunsAreEvictedAndTheNewestStay() {
        FinishedRuns runs = store(50, Long.MAX_VALUE);
        for (int i = 0; i < 200; i++) {
            runs.put("r" + i, i, json(10));
        }

        assertThat(runs.size()).isEqualTo(50);
        assertThat(runs.get("r0")).isNull();
        assertThat(runs.get("r149")).isNull();
        assertThat(runs.get("r150")).isNotNull();
        assertThat(runs.get("r199")).isEqualTo(json(10));
        assertThat(runs.evictedCount()).isEqualTo(150);
        assertThat(runs.bytes()).isEqualTo(50L * (FinishedRuns.OVERHEAD_BYTES + 10));
    }

    @Test
    void beyondTheBytesTheOldestRunsAreEvicted() {
        long perRun = FinishedRuns.OVERHEAD_BYTES + 1_000;
        FinishedRuns runs = store(1_000, 3 * perRun + 10);
        for (int i = 0; i < 10; i++) {
            runs.put("r" + i, i, json(1_000));
        }

        assertThat(runs.size()).isEqualTo(3);
        assertThat(runs.bytes()).isEqualTo(3 * perRun).isLessThanOrEqualTo(3 * perRun + 10);
        assertThat(runs.contains("r6")).isFalse();
        assertThat(runs.contains("r7")).isTrue();
        assertThat(runs.contains("r9")).isTrue();
    }

    @Test
    void aRunLargerThanTheByteBoundIsNotHeldAndPushesOutWhatWasThere() {
        FinishedRuns runs = store(100, 2_000);
        runs.put("small", 1, json(100));

        runs.put("huge", 2, json(5_000));

        assertThat(runs.contains("huge")).isFalse();
        assertThat(runs.size()).isZero();
        assertThat(runs.bytes()).isZero();
    }

    @Test
    void replacingARunCountsItsBytesOnce() {
        FinishedRuns runs = store(10, Long.MAX_VALUE);
        runs.put("r", 1, json(100));
        runs.put("r", 2, json(40));

        assertThat(runs.size()).isEqualTo(1);
        assertThat(runs.bytes()).isEqualTo(FinishedRuns.OVERHEAD_BYTES + 40);
    }

    @Test
    void runsThatFinishedBeforeTheCutoffAgeOut() {
        FinishedRuns runs = store(10, Long.MAX_VALUE);
        runs.put("old", 1_000, json(10));
        runs.put("new", 9_000, json(10));

        runs.evictFinishedBefore(5_000);

        assertThat(runs.contains("old")).isFalse();
        assertThat(runs.contains("new")).isTrue();
        assertThat(runs.bytes()).isEqualTo(FinishedRuns.OVERHEAD_BYTES + 10);
    }
}
