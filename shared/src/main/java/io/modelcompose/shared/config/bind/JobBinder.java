package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.ActionSpec;
import io.modelcompose.shared.config.ComponentConfig;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.JobConfig;
import io.modelcompose.shared.config.RuntimeConfig;
import io.modelcompose.shared.config.tree.YMap;
import io.modelcompose.shared.config.tree.YNode;
import io.modelcompose.shared.config.tree.YScalar;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds a job. {@code component} names a declared component (which wins over a type of the same name), a built-in
 * type used inline with that type's keys on the job ({@code component: shell} + {@code command:}), or is an inline
 * component mapping; without it the default component is used. An inline component gets the job's id.
 */
final class JobBinder {
    static final String PLACEHOLDER_ID = "__job__";
    static final Set<String> KEYS = Set.of("id", "type", "component", "action", "input", "output", "depends_on",
            "retry", "timeout", "name", "title", "description");

    private JobBinder() {
    }

    /** The resolved component (null when unresolved) and the type whose keys the job itself may carry. */
    private record Resolved(ComponentConfig component, Set<String> extraKeys) {
    }

    static BoundJob bind(YNode node, String path, String previousJobId, BindContext context) {
        Fields job = Fields.of(node, path, context.problems);
        String id = context.id(job, PLACEHOLDER_ID, "job");
        String type = job.string("type");
        if (type != null && !type.equals("component")) {
            job.problem("type", "job type '" + type + "' is not supported (supported: component)");
        }
        Resolved resolved = component(job, id, context);
        Set<String> allowed = new LinkedHashSet<>(KEYS);
        allowed.addAll(resolved.extraKeys());
        job.allowOnly(allowed);
        String action = job.string("action", ComposeConfig.DEFAULT_ID);
        if (resolved.component() != null) {
            checkAction(job, resolved.component(), action);
        }
        DependsOnBinder.Dependencies dependencies = DependsOnBinder.bind(job, id, previousJobId);
        JobConfig config = new JobConfig(id, resolved.component(), action, job.template("input"),
                job.template("output"), dependencies.groups(), RetryBinder.bind(job), job.duration("timeout"),
                job.location());
        return new BoundJob(config, dependencies.references(), job.keyLocation("depends_on"),
                job.map().has("depends_on") ? job.path("depends_on") : path);
    }

    private static Resolved component(Fields job, String jobId, BindContext context) {
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

    private static void checkAction(Fields job, ComponentConfig component, String action) {
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
