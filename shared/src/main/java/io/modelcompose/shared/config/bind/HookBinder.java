package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.ActionSpec;
import io.modelcompose.shared.config.ComponentConfig;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.JobHooks;
import io.modelcompose.shared.config.JobOptions;
import io.modelcompose.shared.config.WorkflowAction;
import io.modelcompose.shared.config.tree.ConfigPath;
import io.modelcompose.shared.config.tree.YList;
import io.modelcompose.shared.config.tree.YMap;
import io.modelcompose.shared.config.tree.YNode;
import io.modelcompose.shared.error.ComposeException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Binds {@code hook: {before, after}}, each one entry or a list of them. An entry is ours, {@code {component, action,
 * input}} (the component declared or written inline, as on a job), or upstream's {@code {script}}: inline Python,
 * accepted with one warning and never run.
 */
final class HookBinder {
    static final String SCRIPT_NOT_RUN = "accepted but not acted on: a Python 'script' hook is not run (this "
            + "implementation executes no Python); call a component instead: {component: <id>, action: <id>, "
            + "input: ...}";
    private static final String ENTRY = "a mapping with 'component' (and 'action', 'input') or upstream's 'script'";

    private HookBinder() {
    }

    /** The job's hooks, or null when it has none to run (none written, or only Python scripts). */
    static JobHooks bind(Fields job, String jobId, String type, Object repeatCount, BindContext context) {
        YNode node = job.node("hook");
        if (node == null) {
            return null;
        }
        if (!(node instanceof YMap)) {
            job.problems().wrongType(node, job.path("hook"), "a mapping with 'before' and/or 'after'");
            return null;
        }
        if (!type.equals(JobOptions.COMPONENT)) {
            job.problem("hook", "'hook' is served on component jobs; a '" + type + "' job calls no component to "
                    + "hook");
            return null;
        }
        if (!Objects.equals(repeatCount, 1)) {
            job.problem("hook", "hooks run around one component call; a job with 'repeat_count' cannot have them");
            return null;
        }
        Fields hook = Fields.of(node, job.path("hook"), job.problems());
        hook.allowOnly(Set.of(JobHooks.BEFORE, JobHooks.AFTER));
        JobHooks hooks = new JobHooks(entries(hook, JobHooks.BEFORE, jobId, context),
                entries(hook, JobHooks.AFTER, jobId, context));
        return hooks.before().isEmpty() && hooks.after().isEmpty() ? null : hooks;
    }

    private static List<JobHooks.Hook> entries(Fields hook, String phase, String jobId, BindContext context) {
        YNode node = hook.node(phase);
        List<JobHooks.Hook> bound = new ArrayList<>();
        if (node instanceof YList list) {
            for (int i = 0; i < list.items().size(); i++) {
                entry(list.items().get(i), ConfigPath.index(hook.path(phase), i), inlineId(jobId, phase, i), context)
                        .ifPresent(bound::add);
            }
        } else if (node != null) {
            entry(node, hook.path(phase), inlineId(jobId, phase, 0), context).ifPresent(bound::add);
        }
        return bound;
    }

    /** The id of a component written inline on a hook: unique in its workflow, never a job id. */
    static String inlineId(String jobId, String phase, int index) {
        return jobId + "~" + phase + "." + index;
    }

    private static Optional<JobHooks.Hook> entry(YNode node, String path, String inlineId,
            BindContext context) {
        if (!(node instanceof YMap)) {
            context.problems.wrongType(node, path, ENTRY);
            return Optional.empty();
        }
        Fields entry = Fields.of(node, path, context.problems);
        if (entry.has("script")) {
            if (entry.has("component")) {
                entry.problem("a hook is either 'component' (a component to call) or 'script' (upstream's Python, "
                        + "not run), not both");
            }
            entry.allowOnly(Set.of("script", "component"));
            context.problems.warn(entry.keyLocation("script"), entry.path("script"), SCRIPT_NOT_RUN);
            return Optional.empty();
        }
        if (!entry.has("component")) {
            entry.problem("a hook needs 'component' (the component to call) or upstream's 'script' (not run)");
            entry.allowOnly(Set.of("component", "action", "input"));
            return Optional.empty();
        }
        JobBinder.Resolved resolved = JobBinder.component(entry, inlineId, context);
        Set<String> allowed = new LinkedHashSet<>(Set.of("component", "action", "input"));
        allowed.addAll(resolved.extraKeys());
        entry.allowOnly(allowed);
        String action = entry.string("action", ComposeConfig.DEFAULT_ID);
        ComponentConfig component = resolved.component();
        if (component == null) {
            return Optional.empty();
        }
        JobBinder.checkAction(entry, component, action);
        if (runsInTheEngine(component, action)) {
            entry.problem("component", "a hook calls a component on a worker; the 'workflow' component '"
                    + component.id() + "' runs a sub-workflow, which a hook cannot (run it as a job)");
            return Optional.empty();
        }
        return Optional.of(new JobHooks.Hook(component, action, entry.template("input")));
    }

    private static boolean runsInTheEngine(ComponentConfig component, String action) {
        try {
            ActionSpec spec = component.action(action);
            return spec instanceof WorkflowAction;
        } catch (ComposeException e) {
            return false; // reported by checkAction
        }
    }
}
