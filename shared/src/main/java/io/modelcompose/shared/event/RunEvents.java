package io.modelcompose.shared.event;

/** Run-level records: requests on the runs topic, outcomes on the run-events and run-state topics. */
public final class RunEvents {
    private RunEvents() {
    }

    /**
     * Asks for a run. Anyone may produce it to the runs topic; a repeated run id is ignored (idempotent).
     *
     * @param schemaVersion 1
     * @param runId the run id (also the Kafka key)
     * @param workflowId the workflow, or null / {@code __default__} for the default one
     * @param input the run input
     * @param metadata echoed back in the run state
     * @param requestedAtMillis epoch ms
     */
    public record RunRequested(int schemaVersion, String runId, String workflowId, Object input, Object metadata,
            long requestedAtMillis) implements ComposeEvent {
        public RunRequested(String runId, String workflowId, Object input, Object metadata, long requestedAtMillis) {
            this(CURRENT_SCHEMA_VERSION, runId, workflowId, input, metadata, requestedAtMillis);
        }

        @Override
        public String key() {
            return runId;
        }
    }

    /**
     * Asks to cancel a run.
     *
     * @param schemaVersion 1
     * @param runId the run
     * @param requestedAtMillis epoch ms
     */
    public record RunCancelRequested(int schemaVersion, String runId, long requestedAtMillis) implements ComposeEvent {
        public RunCancelRequested(String runId, long requestedAtMillis) {
            this(CURRENT_SCHEMA_VERSION, runId, requestedAtMillis);
        }

        @Override
        public String key() {
            return runId;
        }
    }

    /**
     * A person answered a run's interrupt (upstream's {@code POST /tasks/{id}/resume}).
     *
     * @param schemaVersion 1
     * @param runId the run
     * @param jobId the id of the interrupted job, as the interrupt showed it
     * @param answer null continues unchanged; any other value replaces the job's input (phase before) or output (after)
     * @param requestedAtMillis epoch ms
     */
    public record RunResumeRequested(int schemaVersion, String runId, String jobId, Object answer,
            long requestedAtMillis) implements ComposeEvent {
        public RunResumeRequested(String runId, String jobId, Object answer, long requestedAtMillis) {
            this(CURRENT_SCHEMA_VERSION, runId, jobId, answer, requestedAtMillis);
        }

        @Override
        public String key() {
            return runId;
        }
    }

    /**
     * The scheduler started a run.
     *
     * @param schemaVersion 1
     * @param runId the run
     * @param workflowId its workflow
     * @param startedAtMillis epoch ms
     */
    public record RunStarted(int schemaVersion, String runId, String workflowId, long startedAtMillis)
            implements ComposeEvent {
        public RunStarted(String runId, String workflowId, long startedAtMillis) {
            this(CURRENT_SCHEMA_VERSION, runId, workflowId, startedAtMillis);
        }

        @Override
        public String key() {
            return runId;
        }
    }

    /**
     * A run reached a terminal status (completed, failed or cancelled).
     *
     * @param schemaVersion 1
     * @param snapshot the final state, with output or error
     */
    public record RunFinished(int schemaVersion, RunSnapshot snapshot) implements ComposeEvent {
        public RunFinished(RunSnapshot snapshot) {
            this(CURRENT_SCHEMA_VERSION, snapshot);
        }

        @Override
        public String key() {
            return snapshot.runId();
        }
    }

    /**
     * The latest state of a run, on the compacted run-state topic that every gateway reads.
     *
     * @param schemaVersion 1
     * @param snapshot the state
     */
    public record RunState(int schemaVersion, RunSnapshot snapshot) implements ComposeEvent {
        public RunState(RunSnapshot snapshot) {
            this(CURRENT_SCHEMA_VERSION, snapshot);
        }

        @Override
        public String key() {
            return snapshot.runId();
        }
    }

    /**
     * An {@code Idempotency-Key} taken by a run, on the compacted run-state topic (written by the gateway before its
     * {@code RunRequested}), so that every gateway, a restarted one included, refuses the key with another body.
     *
     * @param schemaVersion 1
     * @param runId the run the key maps to
     * @param requestFingerprint SHA-256 (hex) of the canonical JSON of the request's workflow id and input
     * @param claimedAtMillis epoch ms
     */
    public record RunKeyClaimed(int schemaVersion, String runId, String requestFingerprint, long claimedAtMillis)
            implements ComposeEvent {
        /** Appended to the run id in the Kafka key, so that compaction keeps the claim beside the run's last state. */
        public static final String KEY_SUFFIX = "/key";

        public RunKeyClaimed(String runId, String requestFingerprint, long claimedAtMillis) {
            this(CURRENT_SCHEMA_VERSION, runId, requestFingerprint, claimedAtMillis);
        }

        @Override
        public String key() {
            return runId + KEY_SUFFIX;
        }
    }
}
