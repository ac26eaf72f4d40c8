package io.modelcompose.gateway.stream;

import io.modelcompose.shared.event.StreamEvents.JobChunk;
import io.vertx.core.Future;
import java.util.List;

/** Reads the chunks of one run again from where they are carried (the chunks topic), in the order written. */
@FunctionalInterface
public interface ChunkReplay {

    /** Every chunk of {@code runId} written since about {@code sinceMillis} and still retained, oldest first. */
    Future<List<JobChunk>> replay(String runId, long sinceMillis);

    /** Nothing is kept anywhere but in the book itself. */
    static ChunkReplay none() {
        return (runId, sinceMillis) -> Future.succeededFuture(List.of());
    }
}
