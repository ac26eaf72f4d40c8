package io.modelcompose.scheduler.engine;

import io.modelcompose.scheduler.engine.EngineCommand.CancelJob;
import io.modelcompose.scheduler.engine.EngineCommand.DispatchJob;
import io.modelcompose.scheduler.engine.EngineCommand.FinishRun;
import io.modelcompose.scheduler.engine.EngineCommand.ScheduleTimer;
import io.modelcompose.scheduler.engine.EngineCommand.TimerKind;
import io.modelcompose.scheduler.engine.EngineCommand.UpdateRun;
import io.modelcompose.shared.config.ActionSpec;
import io.modelcompose.shared.config.ComponentConfig;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.JobConfig;
import io.modelcompose.shared.config.JobFlow;
import io.modelcompose.shared.config.OnError;
import io.modelcompose.shared.config.RetryConfig;
import io.modelcompose.shared.config.WorkflowAction;
import io.modelcompose.shared.config.WorkflowConfig;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.SecretRedaction;
import io.modelcompose.shared.event.AttemptId;
import io.modelcompose.shared.event.RunInterrupt;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.RunStatus;
import io.modelcompose.shared.expr.Scope;
import io.modelcompose.shared.expr.Templates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    /** Lease expiries of attempts no worker was seen running, tolerated per job before it fails. */
    public static final int MAX_UNCLAIMED = 12;
    private final ComposeConfig config;
    private final Clock clock;
    private final JobScopes scopes;
    private final Map<String, JobState> jobsByKey = new HashMap<>();
    private final Map<String, JobState> partOwners = new HashMap<>();
    private final WorkflowFrame root;
    private final Interrupts interrupts = new Interrupts();
    private final Hooks hooks;
    private RunSnapshot snapshot;
    private List<EngineCommand> out = new ArrayList<>();

    public RunEngine(ComposeConfig config, Clock clock, String runId, String workflowId, Object input, Object metadata) {
        this.config = config;
        this.clock = clock;
        this.scopes = new JobScopes(runId, config.env());
        this.hooks = new Hooks(runId, scopes);
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
        JobState part = currentPart(jobKey, attempt);
        if (part != null) {
            partSucceeded(part, jobKey, output, sources);
            return drain();
        }
        JobState hooked = isFinished() ? null : hooks.inFlight(jobKey, attempt);
        if (hooked != null) {
            hookAnswered(hooked, output);
            return drain();
        }
        JobState job = current(jobKey, attempt);
        if (job != null) {
            completeJob(job, output, sources);
        }
        return drain();
    }

    /** A worker reports a failed attempt. */
    public List<EngineCommand> onJobFailed(String jobKey, int attempt, String error) {
        JobState part = currentPart(jobKey, attempt);
        if (part != null) {
            part.parts.record(JobParts.index(part.key, jobKey), null); // finished: nothing to cancel there
            cancelAttempt(part);
            failAttempt(part, error);
            return drain();
        }
        JobState hooked = isFinished() ? null : hooks.inFlight(jobKey, attempt);
        if (hooked != null) {
            failAttempt(hooked, hooks.failed(hooked) + ": " + error);
            return drain();
        }
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
        } else if (kind == TimerKind.DELAY && job.phase == JobState.Phase.RUNNING
                && job.job.flow() instanceof JobFlow.Delay) {
            completeJob(job, null, Map.of());
        } else if (kind == TimerKind.TIMEOUT && job.phase == JobState.Phase.RUNNING) {
            cancelAttempt(job);
            failAttempt(job, "timed out after " + human(job.job.timeout()));
        }
        return drain();
    }

    /**
     * The lease of a running attempt expired (its worker is presumed dead): dispatch it again as a new attempt,
     * without counting a failure, up to {@link #MAX_REDELIVERIES} times. The lost attempt is asked to stop first, so
     * that a worker that was only slow, or that reads its dispatch late, does not run it beside its successor.
     */
    public List<EngineCommand> onLeaseExpired(String jobKey, int attempt) {
        return onLeaseExpired(jobKey, attempt, true);
    }

    /**
     * As {@link #onLeaseExpired(String, int)}; an attempt no worker was seen running ({@code pickedUp} false) is sent
     * again without counting a lost worker, up to {@link #MAX_UNCLAIMED} times.
     */
    public List<EngineCommand> onLeaseExpired(String jobKey, int attempt, boolean pickedUp) {
        JobState hooked = isFinished() ? null : hooks.inFlight(jobKey, attempt);
        if (hooked != null) {
            hookLost(hooked);
            return drain();
        }
        JobState part = currentPart(jobKey, attempt);
        JobState job = part != null ? part : current(jobKey, attempt);
        if (part != null) {
            cancelAttempt(part);
        } else if (job != null) {
            out.add(new CancelJob(attemptOf(job)));
        }
        if (job != null) {
            if (pickedUp) {
                job.redeliveries++;
            } else {
                job.unclaimed++;
            }
            if (job.redeliveries > MAX_REDELIVERIES) {
                failJobNow(job, "worker lost " + job.redeliveries + " times (lease expired)");
            } else if (job.unclaimed > MAX_UNCLAIMED) {
                failJobNow(job, "no worker picked it up in " + job.unclaimed + " leases");
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

    /**
     * A person answered the pause the run shows, of job {@code jobId}: the job goes on, with {@code answer} (when not
     * null) as its input (paused before) or its result (after). An answer to no current pause changes nothing.
     */
    public List<EngineCommand> resume(String jobId, Object answer) {
        JobState job = isFinished() ? null : interrupts.answer(jobId);
        if (job != null) {
            String phase = job.pauses.waitingAt;
            job.pauses.waitingAt = null;
            job.phase = JobState.Phase.RUNNING;
            if (RunInterrupt.BEFORE.equals(phase)) {
                job.pauses.beforeAnswered = true;
                if (answer != null) {
                    job.pauses.inputReplaced = true;
                    job.pauses.replacedInput = answer;
                }
                proceed(frameOf(job), job);
            } else {
                job.pauses.afterAnswered = true;
                completeJob(job, answer != null ? answer : job.pauses.heldResult, job.pauses.heldSources);
            }
        }
        return drain();
    }

    public boolean isFinished() {
        return snapshot.status().isTerminal();
    }

    private JobState current(String jobKey, int attempt) {
        JobState job = jobsByKey.get(jobKey);
        if (job == null || isFinished() || job.attempt != attempt || job.phase != JobState.Phase.RUNNING
                || job.child != null || job.parts != null || job.job.flow() != null
                || job.hookCalls.inFlight != null) {
            return null;
        }
        return job;
    }

    /** The job whose running attempt dispatched part {@code partKey}, or null. */
    private JobState currentPart(String partKey, int attempt) {
        JobState job = partOwners.get(partKey);
        if (job == null || isFinished() || job.attempt != attempt || job.phase != JobState.Phase.RUNNING
                || job.parts == null) {
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
        JobState job;
        while ((job = frame.nextReady()) != null) {
            startJob(frame, job);
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

    /** Starts a job from waiting (again, after a rewind), within its max_run_count. */
    private void startJob(WorkflowFrame frame, JobState job) {
        job.attempt = 0;
        job.failures = 0;
        job.redeliveries = 0;
        job.unclaimed = 0;
        job.handlingError = false;
        job.newTry();
        job.timedAttempt = 0;
        job.runCount++;
        int limit = job.job.options().maxRunCount();
        if (job.runCount > limit) {
            job.phase = JobState.Phase.FAILED;
            failFrame(frame, "job '" + job.job.id() + "' has reached its max_run_count (" + limit + ")");
            return;
        }
        launch(frame, job);
    }

    private void launch(WorkflowFrame frame, JobState job) {
        job.attempt++;
        job.phase = JobState.Phase.RUNNING;
        job.parts = null;
        proceed(frame, job);
    }

    /** Carries out the current attempt of a job; a component job may first pause for a person. */
    private void proceed(WorkflowFrame frame, JobState job) {
        JobConfig cfg = job.job;
        try {
            if (cfg.flow() != null && !(cfg.flow() instanceof JobFlow.ForEach)) {
                launchFlow(frame, job);
                return;
            }
            Scope scope = scopes.inputScope(frame, cfg, job.attempt);
            if (cfg.flow() instanceof JobFlow.ForEach forEach) {
                startParts(job, PartInputs.items(Templates.render(forEach.input(), scope), cfg.id(),
                        forEach.batchSize()));
                return;
            }
            Object input = job.pauses.inputReplaced ? job.pauses.replacedInput
                    : cfg.input() == null ? frame.input : Templates.render(cfg.input(), scope);
            job.renderedInput = input;
            if (!job.pauses.beforeAnswered && pause(job, RunInterrupt.BEFORE, scope, input, null, null)) {
                return;
            }
            DispatchJob hook = hooks.startBefore(job, input);
            if (hook != null) {
                out.add(hook);
                scheduleTimeout(job);
            } else {
                callComponent(frame, job, Hooks.componentInput(job), scope);
            }
        } catch (ComposeException e) {
            failJobNow(job, redacted(e));
        }
    }

    /** Calls the job's component with its input (what its before hooks gave, when it has some). */
    private void callComponent(WorkflowFrame frame, JobState job, Object input, Scope scope) {
        JobConfig cfg = job.job;
        job.renderedInput = input;
        ComponentConfig component = cfg.component();
        ActionSpec action = component.action(cfg.action());
        if (action instanceof WorkflowAction wa) {
            startChild(frame, job, wa, input);
            return;
        }
        int repeat = PartInputs.repeatCount(cfg.options().repeatCount(), scope);
        if (repeat > 1) {
            startParts(job, new JobParts(java.util.Collections.nCopies(repeat, input), repeat, false));
            return;
        }
        out.add(dispatch(frame, job, job.key, input));
        scheduleTimeout(job);
    }

    /** A hook answered: the next hook of its phase, else the component (before) or the job's output (after). */
    private void hookAnswered(JobState job, Object result) {
        WorkflowFrame frame = frameOf(job);
        try {
            DispatchJob next = hooks.succeeded(job, result);
            if (next != null) {
                out.add(next);
            } else if (Hooks.inBefore(job)) {
                callComponent(frame, job, Hooks.componentInput(job), scopes.inputScope(frame, job.job, job.attempt));
            } else {
                renderOutput(job, job.hookCalls.result, job.hookCalls.sources);
            }
        } catch (ComposeException e) {
            failJobNow(job, redacted(e));
        }
    }

    /** The lease of a hook call expired: it is called again as the job's next attempt (not counted as a failure). */
    private void hookLost(JobState job) {
        out.add(new CancelJob(job.hookCalls.inFlight.id()));
        job.redeliveries++;
        if (job.redeliveries > MAX_REDELIVERIES) {
            hooks.failed(job);
            failJobNow(job, "worker lost " + job.redeliveries + " times (lease expired)");
            return;
        }
        job.attempt++;
        out.add(hooks.again(job));
        scheduleTimeout(job);
    }

    private DispatchJob dispatch(WorkflowFrame frame, JobState job, String key, Object input) {
        JobConfig cfg = job.job;
        return new DispatchJob(new AttemptId(runId(), key, job.attempt), frame.workflow.id(), cfg.id(),
                componentRef(frame, cfg),
                cfg.action() == null ? ComposeConfig.DEFAULT_ID : cfg.action(), input,
                scopes.context(frame, cfg, job.attempt), timeoutMillis(cfg));
    }

    /** Sets the attempt's timeout timer, once per attempt (at its first dispatch: a hook's or the component's). */
    private void scheduleTimeout(JobState job) {
        if (job.timedAttempt == job.attempt) {
            return;
        }
        job.timedAttempt = job.attempt;
        if (job.job.timeout() != null && !job.job.timeout().isZero()) {
            out.add(new ScheduleTimer(attemptOf(job), TimerKind.TIMEOUT,
                    clock.instant().plus(job.job.timeout())));
        }
    }

    /** Jobs the engine runs itself: routing decisions, filter, delay. */
    private void launchFlow(WorkflowFrame frame, JobState job) {
        JobFlow flow = job.job.flow();
        Scope scope = scopes.inputScope(frame, job.job, job.attempt);
        if (flow instanceof JobFlow.Delay delay) {
            Instant due = PartInputs.delayUntil(delay, scope, clock.instant());
            if (due.isAfter(clock.instant())) {
                out.add(new ScheduleTimer(attemptOf(job), TimerKind.DELAY, due));
            } else {
                completeJob(job, null, Map.of());
            }
            return;
        }
        FlowDecisions.Decision decision = FlowDecisions.decide(flow, scope, frame.input, seed(job));
        if (decision.routes()) {
            route(frame, job, decision.target());
        } else {
            completeJob(job, decision.output(), Map.of());
        }
    }

    /** The seed of a random router's choice: a function of the run id, the job and its run count (replayable). */
    private long seed(JobState job) {
        String text = runId() + "/" + job.key + "#" + job.runCount;
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
        }
        return hash;
    }

    /**
     * A routing job chose {@code targetId} (null: nowhere). A finished target is rewound with what depends on it; a
     * routing target not started yet starts now, whatever its {@code depends_on} says (as upstream).
     */
    private void route(WorkflowFrame frame, JobState router, String targetId) {
        JobState target = targetId == null ? null : frame.jobs.get(targetId);
        if (targetId != null && target == null) {
            failJobNow(router, "unknown routing target '" + targetId + "'");
            return;
        }
        if (target != null && target.phase == JobState.Phase.SUCCEEDED) {
            if (!frame.rewind(target, router)) {
                frame.recordRouted(router);
            }
        } else if (target != null && target.routable && !target.routed && target.phase == JobState.Phase.WAITING) {
            target.routed = true;
            frame.recordRouted(router);
            startJob(frame, target);
        } else {
            frame.recordRouted(router);
        }
        advance(frame);
    }

    /** Starts the dispatches of a repeat_count or for-each attempt. */
    private void startParts(JobState job, JobParts parts) {
        job.parts = parts;
        if (parts.items.isEmpty()) {
            finishParts(job);
            return;
        }
        dispatchBatch(frameOf(job), job);
        scheduleTimeout(job);
    }

    private void dispatchBatch(WorkflowFrame frame, JobState job) {
        Scope scope = scopes.inputScope(frame, job.job, job.attempt);
        for (int index : job.parts.nextBatch()) {
            Object item = job.parts.items.get(index);
            Object input = item;
            if (job.job.flow() instanceof JobFlow.ForEach forEach && forEach.itemInput() != null) {
                input = Templates.render(forEach.itemInput(), FlowDecisions.itemScope(scope, item, index));
            }
            String key = JobParts.key(job.key, index);
            partOwners.put(key, job);
            out.add(dispatch(frame, job, key, input));
        }
    }

    /** One part finished: its output rendered per item; the next batch starts once this one is over. */
    private void partSucceeded(JobState job, String partKey, Object result, Map<String, Object> sources) {
        int index = JobParts.index(job.key, partKey);
        WorkflowFrame frame = frameOf(job);
        Object output;
        try {
            output = PartInputs.partOutput(job, index, scopes.outputScope(frame, job.job, job.attempt, result,
                    sources), result);
        } catch (ComposeException e) {
            cancelAttempt(job);
            failJobNow(job, redacted(e));
            return;
        }
        if (!job.parts.record(index, output)) {
            return;
        }
        if (job.parts.allDone()) {
            finishParts(job);
        } else if (job.parts.batchDone()) {
            try {
                dispatchBatch(frame, job);
            } catch (ComposeException e) {
                failJobNow(job, redacted(e));
            }
        }
    }

    private void finishParts(JobState job) {
        Object output = job.parts.output();
        job.parts = null;
        if (job.job.flow() instanceof JobFlow.ForEach) {
            completeJob(job, output, Map.of());
        } else {
            completeRendered(job, output);
        }
    }

    private void startChild(WorkflowFrame frame, JobState job, WorkflowAction action, Object jobInput) {
        Map<String, Object> sources = new HashMap<>();
        sources.put("input", jobInput);
        sources.put("context", scopes.context(frame, job.job, job.attempt));
        Object childInput = action.input() == null ? jobInput : Templates.render(action.input(), Scope.of(sources));
        String prefix = job.attempt == 1 ? job.key + "/" : job.key + "@" + job.attempt + "/";
        job.child = newFrame(config.workflow(action.workflow()), childInput, prefix, job);
        scheduleTimeout(job);
        advance(job.child);
    }

    private static String componentRef(WorkflowFrame frame, JobConfig cfg) {
        return cfg.component().ref(frame.workflow.id());
    }

    private static long timeoutMillis(JobConfig cfg) {
        return cfg.timeout() == null ? 0L : cfg.timeout().toMillis();
    }

    private void completeJob(JobState job, Object result, Map<String, Object> sources) {
        WorkflowFrame frame = frameOf(job);
        try {
            if (job.job.flow() == null && !job.pauses.afterAnswered && pause(job, RunInterrupt.AFTER,
                    scopes.inputScope(frame, job.job, job.attempt), job.renderedInput, result, sources)) {
                return;
            }
            DispatchJob hook = job.job.flow() == null ? hooks.startAfter(job, result, sources) : null;
            if (hook != null) {
                out.add(hook);
                return;
            }
        } catch (ComposeException e) {
            failJobNow(job, redacted(e));
            return;
        }
        renderOutput(job, result, sources);
    }

    /** Renders the job's {@code output} over its result and moves its workflow on. */
    private void renderOutput(JobState job, Object result, Map<String, Object> sources) {
        Object output;
        try {
            output = job.job.output() == null ? result : Templates.render(job.job.output(),
                    scopes.outputScope(frameOf(job), job.job, job.attempt, result, sources));
        } catch (ComposeException e) {
            failJobNow(job, redacted(e));
            return;
        }
        completeRendered(job, output);
    }

    /** Records the job's final output (already rendered) and moves its workflow on. */
    private void completeRendered(JobState job, Object output) {
        WorkflowFrame frame = frameOf(job);
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
            job.newTry(); // a retry runs the whole job again, its pauses and hooks too (as upstream)
            Duration delay = retry.delayAfter(job.failures);
            job.phase = JobState.Phase.RETRY_WAIT;
            if (delay.isZero() || delay.isNegative()) {
                launch(frameOf(job), job);
            } else {
                out.add(new ScheduleTimer(attemptOf(job), TimerKind.RETRY, clock.instant().plus(delay)));
            }
            return;
        }
        failJobNow(job, error);
    }

    /** Fails the job without retrying (retries exhausted, or a deterministic error such as a bad expression). */
    private void failJobNow(JobState job, String error) {
        OnError onError = job.job.options().onError();
        if (onError != null && !job.handlingError && job.phase != JobState.Phase.FAILED) {
            job.handlingError = true;
            handleError(job, onError, error);
            return;
        }
        job.phase = JobState.Phase.FAILED;
        WorkflowFrame frame = frameOf(job);
        String message = "job '" + job.job.id() + "' failed: " + error;
        frame.jobs.values().stream().filter(j -> j != job && j.phase == JobState.Phase.RUNNING)
                .forEach(this::cancelAttempt);
        failFrame(frame, message);
    }

    /** on_error once retries are exhausted: route to {@code to}, render {@code output}, or output null (ignore). */
    private void handleError(JobState job, OnError onError, String error) {
        job.phase = JobState.Phase.RUNNING;
        job.parts = null;
        WorkflowFrame frame = frameOf(job);
        if (onError.to() != null) {
            route(frame, job, onError.to());
            return;
        }
        Object output = null;
        if (onError.output() != null) {
            try {
                output = Templates.render(onError.output(), scopes.inputScope(frame, job.job, job.attempt)
                        .with(Map.of("error", Map.of("message", error))));
            } catch (ComposeException e) {
                failJobNow(job, redacted(e));
                return;
            }
        }
        completeRendered(job, output);
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
        CancelJob hook = hooks.cancel(job);
        if (hook != null) {
            out.add(hook);
            return;
        }
        if (job.child != null) {
            cancelFrame(job.child);
            return;
        }
        if (job.parts != null) {
            for (int index : job.parts.outstanding()) {
                out.add(new CancelJob(new AttemptId(runId(), JobParts.key(job.key, index), job.attempt)));
            }
            job.parts = null;
            return;
        }
        if (job.job.flow() != null && !(job.job.flow() instanceof JobFlow.ForEach)) {
            return; // run by the engine itself; a delay's timer is ignored once the job is no longer running
        }
        out.add(new CancelJob(attemptOf(job)));
    }

    private AttemptId attemptOf(JobState job) {
        return new AttemptId(runId(), job.key, job.attempt);
    }

    private void finish(RunStatus status, Object output, String error) {
        if (!isFinished()) {
            snapshot = snapshot.finished(status, output, error, clock.millis());
            out.add(new FinishRun(runId(), snapshot));
        }
    }

    /**
     * Stops the job at its {@code phase} pause when it has one whose condition holds: it waits for {@link #resume}.
     *
     * @throws ComposeException when the pause's templates cannot be rendered
     */
    private boolean pause(JobState job, String phase, Scope scope, Object input, Object result,
            Map<String, Object> sources) {
        var declared = job.job.options().interrupts();
        if (declared == null) {
            return false;
        }
        RunInterrupt point = Interrupts.reach(RunInterrupt.BEFORE.equals(phase) ? declared.before() : declared.after(),
                runId(), job, phase, scope, input, result);
        if (point == null) {
            return false;
        }
        job.phase = JobState.Phase.INTERRUPTED;
        job.pauses.waitingAt = phase;
        job.pauses.heldResult = result;
        job.pauses.heldSources = sources;
        interrupts.stopped(job, point);
        return true;
    }

    /** Announces the pause the run shows now (or that it goes on) when that changed. */
    private void showInterrupts() {
        if (isFinished()) {
            return;
        }
        RunInterrupt shown = interrupts.shown();
        if (!java.util.Objects.equals(shown, snapshot.interrupt())) {
            snapshot = snapshot.interruptedAt(shown);
            out.add(new UpdateRun(runId(), snapshot));
        }
    }

    private List<EngineCommand> drain() {
        showInterrupts();
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
