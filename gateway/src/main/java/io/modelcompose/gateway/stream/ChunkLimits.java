package io.modelcompose.gateway.stream;

/**
 * How much streamed output one gateway keeps for late attachers. Chunks past a bound still reach the listeners that
 * are attached; they are only not kept.
 *
 * @param maxChunksPerRun chunks kept per run
 * @param maxBytesPerRun bytes of chunk JSON kept per run
 * @param maxBytesTotal bytes of chunk JSON kept for all runs together
 * @param idleMillis a run whose chunks stopped coming this long ago, with nobody attached, is forgotten (its end may
 *     never have been seen)
 */
public record ChunkLimits(int maxChunksPerRun, long maxBytesPerRun, long maxBytesTotal, long idleMillis) {

    public ChunkLimits {
        if (maxChunksPerRun < 1 || maxBytesPerRun < 1 || maxBytesTotal < 1 || idleMillis < 1) {
            throw new IllegalArgumentException("chunk limits must be positive");
        }
    }

    /** 10 000 chunks or 8 MiB per run, 128 MiB in all, forgotten after 10 minutes without a chunk. */
    public static ChunkLimits defaults() {
        return new ChunkLimits(10_000, 8L << 20, 128L << 20, 600_000);
    }
}
