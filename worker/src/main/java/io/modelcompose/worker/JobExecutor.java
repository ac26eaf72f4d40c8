package io.modelcompose.worker;

import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.event.AttemptId;
import io.modelcompose.worker.component.CancelSignal;
import io.modelcompose.worker.component.ComponentCatalog;
import io.modelcompose.worker.component.ComponentRunner;
import io.modelcompose.worker.component.ExecutionRequest;
import io.modelcompose.worker.component.RemoteRuns;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;

/**
 * Executes one attempt of a job with the component executors: what the worker role and the in-process runner of
 * {@code compose-cli run} share. The attempt names its component and action; the executor finds them in the config.
 */
public final class JobExecutor implements AutoCloseable {
    private final ComposeConfig config;
    private final Path projectDir;
    private final ComponentCatalog catalog;
    private final ComponentRunner components;

    /**
     * One attempt to execute.
     *
     * @param componentRef a declared component id, or {@code <workflowId>/<jobId>} for one written inline
     * @param context {@code {run_id, workflow_id, job_id, attempt}}
     * @param timeoutMillis per-attempt limit, 0 = none
     */
    public record Attempt(AttemptId id, String componentRef, String actionId, Object input,
            Map<String, Object> context, long timeoutMillis) {
    }

    /** What a component answered: its output and the sources its output templates may read. */
    public record Outcome(Object output, Map<String, Object> sources) {
    }

    /** An attempt under way: its outcome, and how to stop it. */
    public static final class Execution {
        private final CancelSignal cancel = new CancelSignal();
        private Future<Outcome> outcome;

        public Future<Outcome> outcome() {
            return outcome;
        }

        /** Asks the attempt to stop (its process tree, its HTTP call); the outcome then fails. */
        public void cancel() {
            cancel.cancel();
        }

        public boolean isCancelled() {
            return cancel.isCancelled();
        }
    }

    /** An executor running shell processes on at most {@code maxProcesses} threads. */
    public JobExecutor(Vertx vertx, ComposeConfig config, Path projectDir, int maxProcesses) {
        this(vertx, config, projectDir, maxProcesses, null);
    }

    JobExecutor(Vertx vertx, ComposeConfig config, Path projectDir, int maxProcesses, RemoteRuns remoteRuns) {
        this.config = config;
        this.projectDir = projectDir;
        this.catalog = new ComponentCatalog(config);
        this.components = new ComponentRunner(vertx, maxProcesses, remoteRuns);
    }

    /** Starts the attempt; a component or action the config lacks fails its outcome. */
    public Execution start(Attempt attempt) {
        Execution execution = new Execution();
        try {
            AttemptId id = attempt.id();
            ExecutionRequest request = new ExecutionRequest(id.runId(), id.jobKey(), id.attempt(),
                    catalog.action(attempt.componentRef(), attempt.actionId()), attempt.input(), attempt.context(),
                    config.env(), attempt.timeoutMillis(), projectDir);
            execution.outcome = components.execute(request, execution.cancel)
                    .map(result -> new Outcome(result.output(), result.sources()));
        } catch (ComposeException e) {
            execution.outcome = Future.failedFuture(e);
        }
        return execution;
    }

    /** Whether the config declares this component (metrics name only known components). */
    boolean knows(String componentRef) {
        return catalog.knows(componentRef);
    }

    @Override
    public void close() {
        components.close();
    }
}
