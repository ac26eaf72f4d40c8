package io.modelcompose.gateway.stream;

/**
 * Told what happens to a run's streamed output, in order. Called with the run's lock held, from the thread that
 * brought the chunk: an implementation only queues the event for its own context and returns.
 */
public interface ChunkListener {

    /** A chunk of the newest attempt of its job. */
    void chunk(StoredChunk chunk);

    /** A newer attempt of {@code jobKey} started: the chunks of its earlier attempt are void. */
    void retry(String jobKey, int attempt);

    /** The gateway stopped keeping chunks of {@code jobKey} after {@code keptChunks}; later ones follow live. */
    void truncated(String jobKey, long keptChunks);
}
