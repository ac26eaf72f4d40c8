package io.modelcompose.gateway.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bound on finished runs comes from the environment, with sane defaults and clear errors. */
class FinishedRunLimitsTest {

    @Test
    void withoutVariablesTheDefaultsHold() {
        FinishedRunLimits limits = FinishedRunLimits.fromEnv(Map.of());

        assertThat(limits.maxRuns()).isEqualTo(10_000);
        assertThat(limits.maxBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(limits.retention().toHours()).isEqualTo(1);
    }

    @Test
    void variablesSetCountAndBytes() {
        FinishedRunLimits limits = FinishedRunLimits.fromEnv(Map.of(FinishedRunLimits.MAX_RUNS_ENV, "50",
                FinishedRunLimits.MAX_BYTES_ENV, "4m"));

        assertThat(limits.maxRuns()).isEqualTo(50);
        assertThat(limits.maxBytes()).isEqualTo(4L * 1024 * 1024);
    }

    @Test
    void aBadValueIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> FinishedRunLimits.fromEnv(Map.of(FinishedRunLimits.MAX_RUNS_ENV, "lots")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(FinishedRunLimits.MAX_RUNS_ENV).hasMessageContaining("'lots'");
        assertThatThrownBy(() -> FinishedRunLimits.fromEnv(Map.of(FinishedRunLimits.MAX_BYTES_ENV, "0")))
                .hasMessageContaining(FinishedRunLimits.MAX_BYTES_ENV);
    }
}
