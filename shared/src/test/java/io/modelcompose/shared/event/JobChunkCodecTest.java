package io.modelcompose.shared.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcompose.shared.event.StreamEvents.JobChunk;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A streamed chunk on the wire: flat fields, key and attempt as for the other job records, any JSON value. */
class JobChunkCodecTest {
    private static final AttemptId ATTEMPT = new AttemptId("r1", "chat", 2);

    @Test
    void aTextChunkRoundTrips() {
        JobChunk chunk = new JobChunk(ATTEMPT, "wf", 7, "Hel", 1_700_000_000_123L);

        JobChunk decoded = (JobChunk) EventCodec.decode(EventCodec.encode(chunk));

        assertThat(decoded).isEqualTo(chunk);
        assertThat(decoded.key()).isEqualTo("r1");
        assertThat(decoded.attemptId()).isEqualTo(ATTEMPT);
        assertThat(decoded.sequence()).isEqualTo(7);
    }

    @Test
    void aJsonChunkKeepsItsStructure() {
        Map<String, Object> value = Map.of("delta", "x", "index", 3, "tags", List.of("a", "b"));
        JobChunk decoded = (JobChunk) EventCodec.decode(EventCodec.encode(new JobChunk(ATTEMPT, "wf", 0, value, 1L)));

        assertThat(decoded.chunk()).isEqualTo(value);
    }

    @Test
    void theWireFormIsFlatAndNamedJobChunk() throws Exception {
        JsonNode json = EventCodec.mapper().readTree(EventCodec.encode(new JobChunk(ATTEMPT, "wf", 0, "t", 5L)));

        assertThat(json.path("type").asText()).isEqualTo("JobChunk");
        assertThat(json.fieldNames()).toIterable().containsExactlyInAnyOrder("type", "schemaVersion", "runId",
                "workflowId", "jobKey", "attempt", "sequence", "chunk", "emittedAtMillis");
    }

    @Test
    void aChunkWrittenByHandDecodes() {
        byte[] wire = """
                {"type":"JobChunk","schemaVersion":1,"runId":"r1","workflowId":"wf","jobKey":"chat","attempt":2,
                 "sequence":0,"chunk":null,"emittedAtMillis":9}""".getBytes();

        JobChunk decoded = (JobChunk) EventCodec.decode(wire);

        assertThat(decoded.attemptId()).isEqualTo(ATTEMPT);
        assertThat(decoded.chunk()).isNull();
    }

    @Test
    void theChunkTopicFollowsThePrefix() {
        assertThat(new Topics("c").chunks()).isEqualTo("c.chunks");
    }
}
