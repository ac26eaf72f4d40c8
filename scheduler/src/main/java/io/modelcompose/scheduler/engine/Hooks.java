package io.modelcompose.scheduler.engine;

import io.modelcompose.scheduler.engine.EngineCommand.CancelJob;
import io.modelcompose.scheduler.engine.EngineCommand.DispatchJob;
import io.modelcompose.shared.config.JobConfig;
import io.modelcompose.shared.config.JobHooks;
import io.modelcompose.shared.event.AttemptId;
import io.modelcompose.shared.expr.Scope;
import io.modelcompose.shared.expr.Templates;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls a component job's hooks ({@code hook.before}, {@code hook.after}) one at a time, in order. Each call is an
 * ordinary dispatch of the hook's component with its own key ({@code <jobKey>~before.<i>}, {@code ~after.<i>}) and the
 * job's attempt number; its result replaces the job's input (before) or its result (after).
 */
final class Hooks {
    private final String runId;
    private final JobScopes scopes;
    /** Hook dispatch key to the job that made it. */
    private final Map<String, JobState> owners = new HashMap<>();

    Hooks(String runId, JobScopes scopes) {
        this.runId = runId;
        this.scopes = scopes;
    }

    static String key(String jobKey, String phase, int index) {
        return jobKey + "~" + phase + "." + index;
    }

    /** The running job whose hook dispatch {@code key} of {@code attempt} is in flight, or null. */
    JobState inFlight(String key, int attempt) {
        JobState job = owners.get(key);
        if (job == null || job.attempt != attempt || job.phase != JobState.Phase.RUNNING
                || job.hookCalls.inFlight == null || !job.hookCalls.inFlight.jobKey().equals(key)) {
            return null;
        }
        return job;
    }

    /**
     * Starts the before hooks on the job's input: the first one's dispatch, or null when there is none or they have
     * answered in this try already (a re-delivery); {@link #componentInput} is then what the component gets.
     */
    DispatchJob startBefore(JobState job, Object input) {
        JobState.HookCalls calls = job.hookCalls;
        JobHooks declared = job.job.options().hooks();
        if (calls.beforeDone && declared != null && !declared.before().isEmpty()) {
            return null;
        }
        calls.phase = JobHooks.BEFORE;
        calls.index = 0;
        calls.input = input;
        return next(job);
    }

    /** The component's input once the before hooks have answered. */
    static Object componentInput(JobState job) {
        return job.hookCalls.input;
    }

    /** True while the job's before hooks are being called (false once the component has answered). */
    static boolean inBefore(JobState job) {
        return JobHooks.BEFORE.equals(job.hookCalls.phase);
    }

    /** Starts the after hooks on the component's result: the first one's dispatch, or null when there is none. */
    DispatchJob startAfter(JobState job, Object result, Map<String, Object> sources) {
        JobHooks declared = job.job.options().hooks();
        if (declared == null || declared.after().isEmpty()) {
            return null;
        }
        JobState.HookCalls calls = job.hookCalls;
        calls.phase = JobHooks.AFTER;
        calls.index = 0;
        calls.input = job.renderedInput;
        calls.result = result;
        calls.sources = sources;
        return next(job);
    }

    /**
     * The hook in flight answered: its result replaces the input or result, and the next hook of the phase is
     * dispatched; null when the phase is over (the job's {@link JobState.HookCalls} then hold what to go on with).
     */
    DispatchJob succeeded(JobState job, Object result) {
        JobState.HookCalls calls = job.hookCalls;
        calls.inFlight = null;
        if (JobHooks.BEFORE.equals(calls.phase)) {
            calls.input = result;
        } else {
            calls.result = result;
        }
        calls.index++;
        return next(job);
    }

    /** The hook in flight failed: it is no longer in flight; answers what it was, for the job's error. */
    String failed(JobState job) {
        String what = describe(job);
        job.hookCalls.inFlight = null;
        return what;
    }

    /** The hook in flight again, as the job's current attempt (the lease of the previous one expired). */
    DispatchJob again(JobState job) {
        DispatchJob lost = job.hookCalls.inFlight;
        Map<String, Object> context = new LinkedHashMap<>(lost.context());
        context.put("attempt", job.attempt);
        DispatchJob retry = new DispatchJob(new AttemptId(runId, lost.jobKey(), job.attempt), lost.workflowId(),
                lost.jobId(), lost.componentRef(), lost.actionId(), lost.input(), context, lost.timeoutMillis());
        job.hookCalls.inFlight = retry;
        return retry;
    }

    /** Asks the hook in flight to stop: its cancel, or null when none is in flight. */
    CancelJob cancel(JobState job) {
        DispatchJob running = job.hookCalls.inFlight;
        job.hookCalls.inFlight = null;
        return running == null ? null : new CancelJob(running.id());
    }

    String describe(JobState job) {
        JobState.HookCalls calls = job.hookCalls;
        JobHooks.Hook hook = job.job.options().hooks().of(calls.phase).get(calls.index);
        return "hook." + calls.phase + "[" + calls.index + "] (component '" + hook.component().id() + "')";
    }

    /**
     * The dispatch of hook {@code index} of the current phase, or null when the phase has no more.
     *
     * @throws io.modelcompose.shared.error.ComposeException when the hook's input cannot be rendered
     */
    private DispatchJob next(JobState job) {
        JobHooks declared = job.job.options().hooks();
        JobState.HookCalls calls = job.hookCalls;
        List<JobHooks.Hook> phase = declared == null ? List.of() : declared.of(calls.phase);
        if (calls.index >= phase.size()) {
            calls.beforeDone |= JobHooks.BEFORE.equals(calls.phase);
            return null;
        }
        JobHooks.Hook hook = phase.get(calls.index);
        WorkflowFrame frame = job.frame;
        JobConfig cfg = job.job;
        String key = key(job.key, calls.phase, calls.index);
        DispatchJob dispatch = new DispatchJob(new AttemptId(runId, key, job.attempt), frame.workflow.id(), cfg.id(),
                hook.component().ref(frame.workflow.id()), hook.action(), input(job, hook),
                scopes.context(frame, cfg, job.attempt), cfg.timeout() == null ? 0L : cfg.timeout().toMillis());
        owners.put(key, job);
        calls.inFlight = dispatch;
        return dispatch;
    }

    /** What the hook receives: its {@code input} template, else the job's input (before) or {input, output}. */
    private Object input(JobState job, JobHooks.Hook hook) {
        JobState.HookCalls calls = job.hookCalls;
        boolean before = JobHooks.BEFORE.equals(calls.phase);
        if (hook.input() == null) {
            if (before) {
                return calls.input;
            }
            Map<String, Object> both = new LinkedHashMap<>();
            both.put("input", calls.input);
            both.put("output", calls.result);
            return both;
        }
        Map<String, Object> own = new HashMap<>();
        own.put("input", calls.input);
        Scope scope = before ? scopes.inputScope(job.frame, job.job, job.attempt).with(own)
                : scopes.outputScope(job.frame, job.job, job.attempt, calls.result, calls.sources).with(own);
        return Templates.render(hook.input(), scope);
    }
}
