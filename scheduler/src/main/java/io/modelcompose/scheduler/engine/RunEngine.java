package io.modelcompose.scheduler.engine;

import io.modelcompose.scheduler.engine.EngineCommand.CancelJob;
import io.modelcompose.scheduler.engine.EngineCommand.DispatchJob;
import io.modelcompose.scheduler.engine.EngineCommand.FinishRun;
import io.modelcompose.scheduler.engine.EngineCommand.ScheduleTimer;
import io.modelcompose.scheduler.engine.EngineCommand.TimerKind;
import io.modelcompose.shared.config.ActionSpec;
import io.modelcompose.shared.config.ComponentConfig;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.JobConfig;
import io.modelcompose.shared.config.RetryConfig;
import io.modelcompose.shared.config.WorkflowAction;
import io.modelcompose.shared.config.WorkflowConfig;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.SecretRedaction;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.RunStatus;
import io.modelcompose.shared.expr.Scope;
import io.modelcompose.shared.expr.Templates;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state machine of one run. Not thread-safe: the owner feeds it events one at a time and carries out the commands
 * each call returns. Deterministic for a given sequence of events and clock readings, so a run can be rebuilt by
 * replaying its events.
 */
public final class RunEngine {
    /** Lease expiries tolerated per job before it fails. */
    public static final int MAX_REDELIVERIES = 5;
    private final ComposeConfig config;
    private final Clock clock;
    private final JobScopes scopes;
    private final Map<String, JobState> jobsByKey = new HashMap<>();
    private final WorkflowFrame root;
    private RunSnapshot snapshot;
    private List<EngineCommand> out = new ArrayList<>();

    public RunEngine(ComposeConfig config, Clock clock, String runId, String workflowId, Object input, Object metadata) {
        this.config = config;
        this.clock = clock;
        this.scopes = new JobScopes(runId, config.env());
        this.root = newFrame(config.workflow(workflowId), input, "", null);
        this.snapshot = RunSnapshot.pending(runId, root.workflow.id(), metadata, clock.millis());
    }

    public RunSnapshot snapshot() {
        return snapshot;
    }

    public String runId() {
        return snapshot.runId();
    }

    /** Starts the run: dispatches the jobs that start with it. */
    public List<EngineCommand> start() {
        if (snapshot.status() == RunStatus.PENDING) {
            snapshot = snapshot.withStatus(RunStatus.PROCESSING);
            advance(root);
        }
        return drain();
    }

    /** A worker finished an attempt successfully. Results of attempts that are no longer current are ignored. */
    public List<EngineCommand> onJobSucceeded(String jobKey, int attempt, Object output, Map<String, Object> sources) {
        JobState job = current(jobKey, attempt);
        if (job != null) {
            completeJob(job, output, sources);
        }
        return drain();
    }

    /** A worker reports a failed attempt. */
    public List<EngineCommand> onJobFailed(String jobKey, int attempt, String error) {
        JobState job = current(jobKey, attempt);
        if (job != null) {
            failAttempt(job, error);
        }
        return drain();
    }

    /** A timer set by a {@link ScheduleTimer} command is due. */
    public List<EngineCommand> onTimer(String jobKey, int attempt, TimerKind kind) {
        JobState job = jobsByKey.get(jobKey);
        if (job == null || job.attempt != attempt || isFinished()) {
            return drain();
        }
        if (kind == TimerKind.RETRY && job.phase == JobState.Phase.RETRY_WAIT) {
            launch(frameOf(job), job);
        } else if (kind == TimerKind.TIMEOUT && job.phase == JobState.Phase.RUNNING) {
            cancelAttempt(job);
            failAttempt(job, "timed out after " + human(job.job.timeout()));
        }
        return drain();
    }

    /**
     * The lease of a running attempt expired (its worker is presumed dead): dispatch it again as a new attempt,
     * without counting a failure, up to {@link #MAX_REDELIVERIES} times.
     */
    public List<EngineCommand> onLeaseExpired(String jobKey, int attempt) {
        JobState job = current(jobKey, attempt);
        if (job != null) {
            job.redeliveries++;
            if (job.redeliveries > MAX_REDELIVERIES) {
                failJobNow(job, "worker lost " + job.redeliveries + " times (lease expired)");
            } else {
                launch(frameOf(job), job);
            }
        }
        return drain();
    }

    /** Cancels the run; jobs in flight are asked to stop. */
    public List<EngineCommand> cancel(String reason) {
        if (!isFinished()) {
            jobsByKey.values().stream().filter(j -> j.phase == JobState.Phase.RUNNING).forEach(this::cancelAttempt);
            finish(RunStatus.CANCELLED, null, reason == null ? "cancelled" : reason);
        }
        return drain();
    }

    public boolean isFinished() {
        return snapshot.status().isTerminal();
    }

    private JobState current(String jobKey, int attempt) {
        JobState job = jobsByKey.get(jobKey);
        if (job == null || isFinished() || job.attempt != attempt || job.phase != JobState.Phase.RUNNING
                || job.child != null) {
            return null;
        }
        return job;
    }

    private WorkflowFrame newFrame(WorkflowConfig workflow, Object input, String prefix,
            JobState parent) {
        WorkflowFrame frame = new WorkflowFrame(workflow, input, prefix, parent);
        frame.jobs.values().forEach(j -> jobsByKey.put(j.key, j));
        return frame;
    }

    private static WorkflowFrame frameOf(JobState job) {
        return job.frame;
    }

    /** Starts every ready job of the frame, or completes the frame when all jobs succeeded. */
    private void advance(WorkflowFrame frame) {
        if (isFinished()) {
            return;
        }
        for (JobState job : frame.readyJobs()) {
            if (job.phase != JobState.Phase.WAITING) {
                continue;
            }
            job.attempt = 0;
            job.failures = 0;
            job.redeliveries = 0;
            launch(frame, job);
            if (isFinished() || frame.closed) {
                return;
            }
        }
        if (frame.closed) {
            return;
        }
        if (frame.isComplete()) {
            completeFrame(frame);
        } else if (!frame.hasActiveJobs() && frame.readyJobs().isEmpty()) {
            failFrame(frame, "no runnable jobs but jobs remain in workflow '" + frame.workflow.id() + "'");
        }
    }

    private void launch(WorkflowFrame frame, JobState job) {
        job.attempt++;
        job.phase = JobState.Phase.RUNNING;
        JobConfig cfg = job.job;
        if (cfg.flow() != null) {
            failJobNow(job, "job type '" + cfg.options().type() + "' is not run by this engine yet");
            return;
        }
        try {
            Object input = cfg.input() == null ? frame.input
                    : Templates.render(cfg.input(), scopes.inputScope(frame, cfg, job.attempt));
            job.renderedInput = input;
            ComponentConfig component = cfg.component();
            ActionSpec action = component.action(cfg.action());
            if (action instanceof WorkflowAction wa) {
                startChild(frame, job, wa, input);
                return;
            }
            out.add(new DispatchJob(runId(), frame.workflow.id(), job.key, cfg.id(), job.attempt,
                    componentRef(frame, cfg), cfg.action() == null ? ComposeConfig.DEFAULT_ID : cfg.action(), input,
                    scopes.context(frame, cfg, job.attempt), timeoutMillis(cfg)));
            if (cfg.timeout() != null && !cfg.timeout().isZero()) {
                out.add(new ScheduleTimer(runId(), job.key, job.attempt, TimerKind.TIMEOUT,
                        clock.instant().plus(cfg.timeout())));
            }
        } catch (ComposeException e) {
            failJobNow(job, redacted(e));
        }
    }

    private void startChild(WorkflowFrame frame, JobState job, WorkflowAction action, Object jobInput) {
        Map<String, Object> sources = new HashMap<>();
        sources.put("input", jobInput);
        sources.put("context", scopes.context(frame, job.job, job.attempt));
        Object childInput = action.input() == null ? jobInput : Templates.render(action.input(), Scope.of(sources));
        String prefix = job.attempt == 1 ? job.key + "/" : job.key + "@" + job.attempt + "/";
        job.child = newFrame(config.workflow(action.workflow()), childInput, prefix, job);
        if (job.job.timeout() != null && !job.job.timeout().isZero()) {
            out.add(new ScheduleTimer(runId(), job.key, job.attempt, TimerKind.TIMEOUT,
                    clock.instant().plus(job.job.timeout())));
        }
        advance(job.child);
    }

    private static String componentRef(WorkflowFrame frame, JobConfig cfg) {
        return cfg.component().inline() ? frame.workflow.id() + "/" + cfg.id() : cfg.component().id();
    }

    private static long timeoutMillis(JobConfig cfg) {
        return cfg.timeout() == null ? 0L : cfg.timeout().toMillis();
    }

    private void completeJob(JobState job, Object result, Map<String, Object> sources) {
        WorkflowFrame frame = frameOf(job);
        Object output;
        try {
            output = job.job.output() == null ? result
                    : Templates.render(job.job.output(), scopes.outputScope(frame, job.job, job.attempt, result, sources));
        } catch (ComposeException e) {
            failJobNow(job, redacted(e));
            return;
        }
        frame.recordSuccess(job, output);
        advance(frame);
    }

    private void completeFrame(WorkflowFrame frame) {
        if (frame.closed) {
            return;
        }
        frame.closed = true;
        Object output;
        try {
            output = frame.workflow.output() == null ? frame.terminalOutput()
                    : Templates.render(frame.workflow.output(), scopes.workflowOutputScope(frame));
        } catch (ComposeException e) {
            frame.closed = false;
            failFrame(frame, "workflow '" + frame.workflow.id() + "' output: " + redacted(e));
            return;
        }
        if (frame.parentJob == null) {
            finish(RunStatus.COMPLETED, output, null);
            return;
        }
        JobState parent = frame.parentJob;
        parent.child = null;
        WorkflowAction action = (WorkflowAction) parent.job.component().action(parent.job.action());
        Object result = output;
        if (action.output() != null) {
            Map<String, Object> sources = new HashMap<>();
            sources.put("output", output);
            sources.put("input", parent.renderedInput);
            try {
                result = Templates.render(action.output(), Scope.of(sources));
            } catch (ComposeException e) {
                failJobNow(parent, redacted(e));
                return;
            }
        }
        completeJob(parent, result, Map.of());
    }

    /** An error's message with the known secret values of the environment masked (it goes to topics and logs). */
    private String redacted(ComposeException error) {
        return SecretRedaction.redact(error.getMessage(), config.env());
    }

    private void failFrame(WorkflowFrame frame, String error) {
        if (frame.closed) {
            return;
        }
        frame.closed = true;
        if (frame.parentJob == null) {
            finish(RunStatus.FAILED, null, error);
        } else {
            JobState parent = frame.parentJob;
            parent.child = null;
            failAttempt(parent, error);
        }
    }

    /** A failed attempt: retry when the policy allows, else fail the job's workflow. */
    private void failAttempt(JobState job, String error) {
        if (job.child != null) {
            cancelFrame(job.child);
            job.child = null;
        }
        RetryConfig retry = job.job.retry() == null ? RetryConfig.NONE : job.job.retry();
        job.failures++;
        if (job.failures < retry.maxAttemptCount()) {
            Duration delay = retry.delayAfter(job.failures);
            job.phase = JobState.Phase.RETRY_WAIT;
            if (delay.isZero() || delay.isNegative()) {
                launch(frameOf(job), job);
            } else {
                out.add(new ScheduleTimer(runId(), job.key, job.attempt, TimerKind.RETRY, clock.instant().plus(delay)));
            }
            return;
        }
        failJobNow(job, error);
    }

    /** Fails the job without retrying (retries exhausted, or a deterministic error such as a bad expression). */
    private void failJobNow(JobState job, String error) {
        job.phase = JobState.Phase.FAILED;
        WorkflowFrame frame = frameOf(job);
        String message = "job '" + job.job.id() + "' failed: " + error;
        frame.jobs.values().stream().filter(j -> j != job && j.phase == JobState.Phase.RUNNING)
                .forEach(this::cancelAttempt);
        failFrame(frame, message);
    }

    private void cancelFrame(WorkflowFrame frame) {
        frame.closed = true;
        for (JobState j : frame.jobs.values()) {
            if (j.child != null) {
                cancelFrame(j.child);
            } else if (j.phase == JobState.Phase.RUNNING) {
                cancelAttempt(j);
            }
            j.phase = JobState.Phase.FAILED;
        }
    }

    private void cancelAttempt(JobState job) {
        if (job.child != null) {
            cancelFrame(job.child);
            return;
        }
        out.add(new CancelJob(runId(), job.key, job.attempt));
    }

    private void finish(RunStatus status, Object output, String error) {
        if (!isFinished()) {
            snapshot = snapshot.finished(status, output, error, clock.millis());
            out.add(new FinishRun(runId(), snapshot));
        }
    }

    private List<EngineCommand> drain() {
        List<EngineCommand> commands = out;
        out = new ArrayList<>();
        return commands;
    }

    private static String human(Duration d) {
        if (d == null) {
            return "?";
        }
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
    }
}
