package io.modelcompose.shared.config;

/**
 * A workflow action whose workflow is not defined in this file: with {@code controller.queue} it runs on the queue
 * subscriber's set, as a run of its own, and this job waits for its outcome.
 *
 * @param id action id
 * @param isDefault default action
 * @param output output template (source {@code output}: the remote run's output)
 * @param workflow the remote workflow id
 * @param input input template of the remote run (sources {@code input}, {@code context}); null = the job input
 * @param queue where the run goes
 */
public record RemoteWorkflowAction(String id, boolean isDefault, Object output, String workflow, Object input,
        QueueConfig queue) implements ActionSpec {
}
