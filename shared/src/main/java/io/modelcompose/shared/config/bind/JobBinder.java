package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.ActionSpec;
import io.modelcompose.shared.config.ComponentConfig;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.JobConfig;
import io.modelcompose.shared.config.JobFlow;
import io.modelcompose.shared.config.JobOptions;
import io.modelcompose.shared.config.RuntimeConfig;
import io.modelcompose.shared.config.tree.YMap;
import io.modelcompose.shared.config.tree.YNode;
import io.modelcompose.shared.config.tree.YScalar;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds a job. A component job's {@code component} names a declared component (which wins over a type of the same
 * name), a built-in type used inline with that type's keys on the job ({@code component: shell} + {@code command:}),
 * or is an inline component mapping; without it the default component is used. An inline component gets the job's
 * id. Jobs of the other types ({@code if}, {@code switch}, ...) are bound by {@link JobFlowBinder}.
 */
final class JobBinder {
    static final String PLACEHOLDER_ID = "__job__";
    static final List<String> TYPES = List.of("component", "if", "switch", "random-router", "filter", "for-each",
            "delay");
    /** Keys of every job type. */
    static final Set<String> COMMON_KEYS = Set.of("id", "type", "name", "title", "description", "depends_on",
            "retry", "timeout", "max_run_count", "on_error", "interrupt", "hook");
    static final Set<String> COMPONENT_KEYS = Set.of("component", "action", "input", "output", "repeat_count");

    private JobBinder() {
    }

    /** The resolved component (null when unresolved) and the type whose keys the job itself may carry. */
    record Resolved(ComponentConfig component, Set<String> extraKeys) {
    }

    /**
     * @param placeholderId the id of the job when it has none
     * @param previousJobId the job this one depends on when it has no {@code depends_on}, or null
     */
    static BoundJob bind(YNode node, String path, String placeholderId, String previousJobId, BindContext context) {
        Fields job = Fields.of(node, path, context.problems);
        String id = context.id(job, placeholderId, "job");
        String written = job.string("type");
        String type = job.choice("type", JobOptions.COMPONENT, TYPES);
        if (written != null && !TYPES.contains(written)) {
            return unknownType(job, id, path);
        }
        Set<String> allowed = new LinkedHashSet<>(COMMON_KEYS);
        ComponentConfig component = null;
        String action = ComposeConfig.DEFAULT_ID;
        JobFlow flow = null;
        if (type.equals(JobOptions.COMPONENT)) {
            Resolved resolved = component(job, id, context);
            allowed.addAll(COMPONENT_KEYS);
            allowed.addAll(resolved.extraKeys());
            component = resolved.component();
            action = job.string("action", ComposeConfig.DEFAULT_ID);
            if (component != null) {
                checkAction(job, component, action);
            }
        } else {
            JobFlowBinder.Bound bound = JobFlowBinder.bind(type, job, id, context);
            allowed.addAll(bound.keys());
            flow = bound.flow();
            component = bound.component();
            action = bound.action();
        }
        if (job.has("interrupt") && !type.equals(JobOptions.COMPONENT)) {
            job.problem("interrupt", "'interrupt' is served on component jobs; a '" + type + "' job would skip the "
                    + "pause it asks for");
        }
        job.allowOnly(allowed, UpstreamKeys.JOB);

        DependsOnBinder.Dependencies dependencies = DependsOnBinder.bind(job, id, previousJobId);
        Object repeatCount = repeatCount(job);
        JobOptions options = new JobOptions(type, job.string("name"), job.string("description"),
                job.integer("max_run_count", JobOptions.DEFAULT_MAX_RUN_COUNT, 1, Integer.MAX_VALUE),
                repeatCount, OnErrorBinder.bind(job), flow, InterruptBinder.bind(job),
                HookBinder.bind(job, id, type, repeatCount, context));
        Object input = type.equals(JobOptions.COMPONENT) ? job.template("input") : null;
        Object output = type.equals("if") || type.equals("switch") || type.equals("random-router") ? null
                : job.template("output");
        JobConfig config = new JobConfig(id, component, action, input, output, dependencies.groups(),
                RetryBinder.bind(job), job.duration("timeout"), job.location(), options);
        return new BoundJob(config, dependencies.references(), job.keyLocation("depends_on"),
                job.map().has("depends_on") ? job.path("depends_on") : path, RoutingScan.references(job));
    }

    /** A job of a type that does not exist (reported): no further checks, no dependencies. */
    private static BoundJob unknownType(Fields job, String id, String path) {
        JobConfig config = new JobConfig(id, null, ComposeConfig.DEFAULT_ID, null, null, List.of(),
                RetryBinder.bind(job), null, job.location());
        return new BoundJob(config, List.of(), job.location(), path, List.of());
    }

    /** {@code repeat_count}: an integer of at least 1, or a template rendered when the job runs. */
    private static Object repeatCount(Fields job) {
        YNode node = job.node("repeat_count");
        if (node instanceof YScalar scalar && scalar.value() instanceof String text && text.contains("${")) {
            return text;
        }
        return job.integer("repeat_count", 1, 1, Integer.MAX_VALUE);
    }

    /** Resolves {@code fields.component} (a component job, or the {@code do} of a for-each job). */
    static Resolved component(Fields job, String jobId, BindContext context) {
        YNode node = job.node("component");
        if (node instanceof YMap) {
            return new Resolved(ComponentBinder.bind(node, job.path("component"), jobId, context), Set.of());
        }
        if (node != null && !(node instanceof YScalar)) {
            context.problems.wrongType(node, job.path("component"), "a component id, a type or a mapping");
            return new Resolved(null, allInlineKeys());
        }
        String name = job.string("component", ComposeConfig.DEFAULT_ID);
        if (name.equals(ComposeConfig.DEFAULT_ID)) {
            return new Resolved(context.defaultComponent(job), Set.of());
        }
        ComponentConfig declared = context.component(name);
        if (declared != null) {
            return new Resolved(declared, Set.of());
        }
        if (context.isBrokenComponent(name)) {
            return new Resolved(null, allInlineKeys());
        }
        if (ComponentTypes.isKnown(name)) {
            ActionSpec action = ActionBinder.bind(name, job, job, ComponentConfig.DEFAULT_ACTION_ID, false, true,
                    context);
            ComponentConfig inline = new ComponentConfig(jobId, name, 0, RuntimeConfig.NATIVE, false, List.of(action),
                    true, job.location());
            return new Resolved(inline, ComponentTypes.inlineJobKeys(name));
        }
        job.problem("component", "unknown component '" + name + "'" + Suggestions.hint(name,
                context.componentIds()));
        return new Resolved(null, allInlineKeys());
    }

    private static Set<String> allInlineKeys() {
        Set<String> keys = new LinkedHashSet<>();
        ComponentTypes.ALL.forEach(type -> keys.addAll(ComponentTypes.inlineJobKeys(type)));
        return keys;
    }

    static void checkAction(Fields job, ComponentConfig component, String action) {
        List<ActionSpec> actions = component.actions();
        if (actions.isEmpty()) {
            return;
        }
        if (action.equals(ComposeConfig.DEFAULT_ID)) {
            if (actions.size() > 1 && actions.stream().noneMatch(ActionSpec::isDefault)) {
                job.problem(job.has("action") ? "action" : "component", "component '" + component.id() + "' has "
                        + actions.size() + " actions and none is marked 'default: true'; choose one with 'action'");
            }
        } else if (actions.stream().noneMatch(a -> a.id().equals(action))) {
            job.problem("action", "component '" + component.id() + "' has no action '" + action + "'");
        }
    }
}
