package io.modelcompose.shared.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcompose.shared.event.JobEvents.JobFinished;
import io.modelcompose.shared.event.JobEvents.LeaseExpired;
import io.modelcompose.shared.event.SchedulerEvents.AttemptGranted;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The attempt identity is derived from the flat wire fields; the JSON of job events is unchanged by it. */
class AttemptIdWireTest {
    private static final AttemptId ATTEMPT = new AttemptId("r1", "parent/child", 3);

    @Test
    void jobEventsKeepTheirFlatFieldsAndNoAttemptIdProperty() throws Exception {
        JsonNode json = EventCodec.mapper().readTree(EventCodec.encode(new LeaseExpired(ATTEMPT)));
        assertThat(json.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("type", "schemaVersion", "runId", "jobKey", "attempt", "pickedUp");
        assertThat(json.path("attempt").asInt()).isEqualTo(3);
    }

    @Test
    void aV1RecordWrittenByAnOlderWriterDecodesToTheSameAttempt() {
        byte[] older = """
                {"type":"JobFinished","schemaVersion":1,"runId":"r1","jobKey":"parent/child","attempt":3,
                 "workerId":"w","succeeded":true,"output":"x","sources":{}}""".getBytes();
        JobFinished decoded = (JobFinished) EventCodec.decode(older);
        assertThat(decoded.attemptId()).isEqualTo(ATTEMPT);
        assertThat(decoded.sources()).isEqualTo(Map.of());
    }

    @Test
    void aGrantRoundTrips() {
        AttemptGranted granted = new AttemptGranted(ATTEMPT, "limited", "scheduler-1-ab");
        AttemptGranted decoded = (AttemptGranted) EventCodec.decode(EventCodec.encode(granted));
        assertThat(decoded).isEqualTo(granted);
        assertThat(decoded.attemptId()).isEqualTo(ATTEMPT);
        assertThat(decoded.key()).isEqualTo("r1");
    }

    @Test
    void aLeaseExpiryWrittenBeforePickedUpExistedReadsAsNotPickedUp() {
        byte[] older = """
                {"type":"LeaseExpired","schemaVersion":1,"runId":"r1","jobKey":"parent/child","attempt":3}"""
                .getBytes();
        LeaseExpired decoded = (LeaseExpired) EventCodec.decode(older);
        assertThat(decoded.attemptId()).isEqualTo(ATTEMPT);
        assertThat(decoded.pickedUp()).isFalse();
    }
}
