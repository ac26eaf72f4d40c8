package io.modelcompose.gateway.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.event.RunIds;
import org.junit.jupiter.api.Test;

/** A run id's own creation time, which tells the read-back where in the run-state topic to start. */
class RunIdTimesTest {

    @Test
    void aTimeOrderedIdSaysTheMillisecondItWasMadeIn() {
        long made = 1_796_000_123_456L;
        String id = RunIds.newId(made);

        assertThat(RunIdTimes.isRunId(id)).isTrue();
        assertThat(RunIdTimes.createdAtMillis(id)).isEqualTo(made);
        assertThat(RunIdTimes.fromIdempotencyKey(id)).isFalse();
    }

    @Test
    void anIdFromAnIdempotencyKeyHasNoTime() {
        String id = RunIds.fromIdempotencyKey("wf", "key-1");

        assertThat(RunIdTimes.isRunId(id)).isTrue();
        assertThat(RunIdTimes.createdAtMillis(id)).isEqualTo(-1);
        assertThat(RunIdTimes.fromIdempotencyKey(id)).isTrue();
    }

    @Test
    void somethingElseIsNoRunId() {
        assertThat(RunIdTimes.isRunId("nope")).isFalse();
        assertThat(RunIdTimes.isRunId("0000000000000000000000000U")).isFalse(); // U is not Crockford base32
        assertThat(RunIdTimes.isRunId(null)).isFalse();
        assertThat(RunIdTimes.createdAtMillis("../../etc")).isEqualTo(-1);
    }
}
