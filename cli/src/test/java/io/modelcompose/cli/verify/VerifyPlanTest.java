package io.modelcompose.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcompose.shared.error.ComposeException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class VerifyPlanTest {
    private static VerifyOptions options(long seed, int longJobs) {
        return new VerifyOptions(100, 10, 3, 4, 2, 1, longJobs, 30, 3, 8, 5000, seed, null, Path.of("x"), 60);
    }

    @Test
    void drawsTheLongJobsAndEveryKillInsideTheWindowFromTheSeed() {
        VerifyPlan plan = VerifyPlan.of(options(5, 7));

        assertThat(plan.jobSeconds()).hasSize(100).filteredOn(s -> s == 30).hasSize(7);
        assertThat(plan.kills()).hasSize(7).allSatisfy(k -> assertThat(k.afterMillis()).isBetween(1_000L, 9_000L));
        assertThat(plan.kills()).filteredOn(k -> k.role().equals(KillEvent.SCHEDULER)).hasSize(2);
        assertThat(plan.kills()).isSortedAccordingTo(java.util.Comparator.comparingLong(VerifyPlan.Kill::afterMillis));
        assertThat(VerifyPlan.of(options(5, 7))).as("same seed, same plan").isEqualTo(plan);
        assertThat(VerifyPlan.of(options(6, 7))).isNotEqualTo(plan);
    }

    @Test
    void anOptionOutOfRangeIsNamed() {
        assertThatThrownBy(() -> options(1, 101)).isInstanceOf(ComposeException.class)
                .hasMessage("--long-jobs (101) exceeds --runs (100)");
    }
}
