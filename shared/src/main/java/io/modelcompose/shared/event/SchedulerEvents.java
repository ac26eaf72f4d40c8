package io.modelcompose.shared.event;

/**
 * Decisions of the active scheduler that depend on more than one run (who gets a component slot, which pending run
 * starts), written to the runs topic so that a scheduler taking over rebuilds them exactly instead of deciding them
 * again in whatever order it happens to replay the partitions. Internal to the scheduler; other systems ignore them.
 */
public final class SchedulerEvents {
    private SchedulerEvents() {
    }

    /**
     * An attempt got its component slot and is being sent to the workers. Written (and acknowledged) before its
     * {@code JobDispatched}, so every attempt a worker may be running has one of these on the runs topic.
     *
     * @param schemaVersion 1
     * @param runId the run (Kafka key)
     * @param jobKey the job key
     * @param attempt the attempt
     * @param componentRef the component whose slot it holds
     * @param scheduler the activation of the scheduler that decided it
     */
    public record AttemptGranted(int schemaVersion, String runId, String jobKey, int attempt, String componentRef,
            String scheduler) implements ComposeEvent {
        public AttemptGranted(AttemptId id, String componentRef, String scheduler) {
            this(1, id.runId(), id.jobKey(), id.attempt(), componentRef, scheduler);
        }

        @Override
        public String key() {
            return runId;
        }

        public AttemptId attemptId() {
            return new AttemptId(runId, jobKey, attempt);
        }
    }

    /**
     * A run left the pending queue and started (it counts against the controller's limit from now on).
     *
     * @param schemaVersion 1
     * @param runId the run (Kafka key)
     * @param scheduler the activation of the scheduler that decided it
     */
    public record RunAdmitted(int schemaVersion, String runId, String scheduler) implements ComposeEvent {
        @Override
        public String key() {
            return runId;
        }
    }

    /**
     * Written by a scheduler that has just become active, once into every partition of the runs topic. When it has
     * read back its own marker from every partition, it has seen every decision of its predecessor and decides live.
     *
     * @param schemaVersion 1
     * @param key a key that the default partitioner maps to {@code partition}
     * @param scheduler the activation that wrote it
     * @param partition the partition it was written to
     */
    public record ReplayMarker(int schemaVersion, String key, String scheduler, int partition)
            implements ComposeEvent {
    }
}
