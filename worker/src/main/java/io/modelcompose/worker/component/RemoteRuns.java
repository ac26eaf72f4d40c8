package io.modelcompose.worker.component;

import io.modelcompose.shared.config.QueueConfig;
import io.modelcompose.shared.event.RunEvents.RunRequested;
import io.modelcompose.shared.event.RunSnapshot;
import java.util.concurrent.CompletionStage;

/** Runs on another set, reached through a {@code controller.queue}. Implementations never block the caller. */
public interface RemoteRuns {

    /**
     * Publishes {@code request} to the queue's set, listening for its outcome first, and completes with the run's final
     * state (or fails when the set cannot be reached).
     */
    CompletionStage<RunSnapshot> run(QueueConfig queue, RunRequested request);

    /** Asks the queue's set to cancel the run; best effort. */
    void cancel(QueueConfig queue, String runId);

    /** Stops waiting for the run (its caller gave up). */
    void forget(QueueConfig queue, String runId);
}
