package io.modelcompose.shared.event;

/** Records of streamed job output: the chunks a job yields while it runs, on {@link Topics#chunks()}. */
public final class StreamEvents {
    /**
     * The most bytes one chunk value may take in its JSON form. A text chunk over it is written as several
     * consecutive chunks (the joined text is unchanged); a larger non-text chunk fails the job with an error that
     * names the job and the size.
     */
    public static final int MAX_CHUNK_BYTES = 64 * 1024;

    private StreamEvents() {
    }

    /**
     * One chunk of a streaming job's output, as it was produced. The job's final {@code JobFinished} still carries
     * the joined value (texts concatenated, otherwise the list of chunks), so a run nobody watches completes as
     * usual; these records only let a watcher see the output early.
     *
     * @param schemaVersion 1
     * @param runId the run (Kafka key, so one run's chunks stay in order in one partition)
     * @param workflowId the job's workflow
     * @param jobKey the job's key in the run
     * @param attempt the attempt that produced the chunk (a retried job starts again with a higher attempt; chunks
     *     of a superseded attempt are to be dropped)
     * @param sequence 0-based position of the chunk within its attempt
     * @param chunk the job's {@code output} rendered for this chunk: a string for a text delta, or any JSON value
     * @param emittedAtMillis when the worker produced the chunk (epoch ms)
     */
    public record JobChunk(int schemaVersion, String runId, String workflowId, String jobKey, int attempt,
            long sequence, Object chunk, long emittedAtMillis) implements ComposeEvent {
        public JobChunk(AttemptId id, String workflowId, long sequence, Object chunk, long emittedAtMillis) {
            this(1, id.runId(), workflowId, id.jobKey(), id.attempt(), sequence, chunk, emittedAtMillis);
        }

        @Override
        public String key() {
            return runId;
        }

        /** The attempt this record is about (derived from the flat wire fields, which stay as they are). */
        public AttemptId attemptId() {
            return new AttemptId(runId, jobKey, attempt);
        }
    }
}
