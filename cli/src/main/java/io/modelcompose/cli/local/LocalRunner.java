package io.modelcompose.cli.local;

import io.modelcompose.scheduler.engine.EngineCommand.CancelJob;
import io.modelcompose.scheduler.engine.EngineCommand.DispatchJob;
import io.modelcompose.scheduler.engine.EngineCommand.ScheduleTimer;
import io.modelcompose.scheduler.engine.RunCoordinator;
import io.modelcompose.scheduler.engine.RunOutcomeLog;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.event.AttemptId;
import io.modelcompose.shared.event.RunIds;
import io.modelcompose.shared.event.RunInterrupt;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.worker.JobExecutor;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs workflows in this process: the scheduler's {@link RunCoordinator} and the worker's {@link JobExecutor}
 * talk through method calls on one Vert.x context instead of Kafka topics. Used by {@code compose-cli run}.
 */
public final class LocalRunner implements RunCoordinator.Output, AutoCloseable {
    private final Vertx vertx;
    private final Context context;
    private final JobExecutor executor;
    private final RunCoordinator coordinator;
    private final Map<String, Promise<RunSnapshot>> waiting = new HashMap<>();
    private final Map<AttemptId, JobExecutor.Execution> inFlight = new HashMap<>();
    private final InterruptAnswers answers;

    /** A runner that stops a run which pauses for a person ({@link InterruptAnswers#refuse()}). */
    public LocalRunner(Vertx vertx, ComposeConfig config, Path projectDir) {
        this(vertx, config, projectDir, InterruptAnswers.refuse());
    }

    public LocalRunner(Vertx vertx, ComposeConfig config, Path projectDir, InterruptAnswers answers) {
        this.vertx = vertx;
        this.answers = answers;
        this.context = vertx.getOrCreateContext();
        this.executor = new JobExecutor(vertx, config, projectDir,
                Math.max(4, Runtime.getRuntime().availableProcessors() * 8));
        this.coordinator = new RunCoordinator(config, Clock.systemUTC(), this);
    }

    /** Runs a workflow to its end; the future fails only on a bad request (unknown workflow), not on a failed run. */
    public Future<RunSnapshot> run(String workflowId, Object input) {
        Promise<RunSnapshot> done = Promise.promise();
        String runId = RunIds.newId(System.currentTimeMillis());
        context.runOnContext(v -> {
            try {
                waiting.put(runId, done);
                RunSnapshot accepted = coordinator.submit(runId, workflowId, input, null);
                if (accepted.status().isTerminal()) {
                    runFinished(accepted);
                }
            } catch (ComposeException e) {
                waiting.remove(runId);
                done.fail(e);
            }
        });
        return done.future();
    }

    /** Cancels a run started by {@link #run}. */
    public Future<RunSnapshot> cancel(String runId) {
        Promise<RunSnapshot> result = Promise.promise();
        context.runOnContext(v -> {
            try {
                result.complete(coordinator.cancel(runId));
            } catch (ComposeException e) {
                result.fail(e);
            }
        });
        return result.future();
    }

    @Override
    public void dispatch(DispatchJob d) {
        JobExecutor.Execution execution = executor.start(new JobExecutor.Attempt(d.id(), d.componentRef(),
                d.actionId(), d.input(), d.context(), d.timeoutMillis()));
        inFlight.put(d.id(), execution);
        execution.outcome().onComplete(ar -> context.runOnContext(v -> {
            inFlight.remove(d.id());
            if (ar.succeeded()) {
                coordinator.jobSucceeded(d.id(), ar.result().output(),
                        ar.result().sources());
            } else {
                coordinator.jobFailed(d.id(), message(ar.cause()));
            }
        }));
    }

    @Override
    public void cancel(CancelJob c) {
        JobExecutor.Execution execution = inFlight.get(c.id());
        if (execution != null) {
            execution.cancel();
        }
    }

    @Override
    public void schedule(ScheduleTimer t) {
        long delay = Math.max(1, Duration.between(Clock.systemUTC().instant(), t.dueAt()).toMillis());
        vertx.setTimer(delay, id -> context.runOnContext(
                v -> coordinator.timerDue(t.id(), t.kind())));
    }

    @Override
    public void runStarted(RunSnapshot snapshot) {
        // nothing to publish in-process
    }

    /** A pause is answered off the context (the answer may wait for a person); then the run goes on. */
    @Override
    public void runUpdated(RunSnapshot snapshot) {
        RunInterrupt point = snapshot.interrupt();
        if (point == null) {
            return;
        }
        vertx.<Object>executeBlocking(() -> answers.answer(point), false).onComplete(ar -> context.runOnContext(v -> {
            if (ar.succeeded()) {
                coordinator.resume(snapshot.runId(), point.jobId(), ar.result());
                return;
            }
            Promise<RunSnapshot> done = waiting.remove(snapshot.runId());
            coordinator.cancel(snapshot.runId());
            if (done != null) {
                done.fail(ar.cause());
            }
        }));
    }

    @Override
    public void runFinished(RunSnapshot snapshot) {
        RunOutcomeLog.finished(snapshot);
        Promise<RunSnapshot> done = waiting.remove(snapshot.runId());
        if (done != null) {
            done.complete(snapshot);
        }
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public void close() {
        executor.close();
    }
}
