package io.modelcompose.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcompose.shared.error.ComposeException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"500ms,500", "30s,30000", "1m30s,90000", "2h,7200000", "1.5s,1500", "90,90000", "1d,86400000",
            "01:02:03,3723000", "1:30,90000", "00:00:01.5,1500", "1m 30s,90000"})
    void parsesDurationText(String text, long millis) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void parsesNumbersAsSeconds() {
        assertThat(Durations.parse(90)).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse(0.25)).isEqualTo(Duration.ofMillis(250));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5x", "", "s", "-1", "1m-5s", "soon"})
    void rejectsInvalidDurations(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(ComposeException.class)
                .hasMessageStartingWith("invalid duration '" + text + "'");
    }
}
