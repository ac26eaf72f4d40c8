package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.ActionSpec;
import io.modelcompose.shared.config.ComponentConfig;
import io.modelcompose.shared.config.RuntimeConfig;
import io.modelcompose.shared.config.tree.ConfigPath;
import io.modelcompose.shared.config.tree.YField;
import io.modelcompose.shared.config.tree.YList;
import io.modelcompose.shared.config.tree.YMap;
import io.modelcompose.shared.config.tree.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Binds a component: the common keys, the type's component keys and either one action written on the component
 * itself (id {@code __action__}) or an {@code actions:} list.
 */
final class ComponentBinder {
    static final String PLACEHOLDER_ID = "__component__";

    private ComponentBinder() {
    }

    /** The declared components, in order; components that cannot be bound are left out (and reported). */
    static List<ComponentConfig> bindAll(YList list, String path, BindContext context) {
        List<ComponentConfig> components = new ArrayList<>();
        IdRegistry ids = new IdRegistry("component", context.problems);
        for (int i = 0; i < list.items().size(); i++) {
            String itemPath = ConfigPath.index(path, i);
            YNode item = list.items().get(i);
            ComponentConfig component = bind(item, itemPath, null, context);
            if (component == null && item instanceof YMap map) {
                context.addBrokenComponent(map.text("id") == null ? PLACEHOLDER_ID : map.text("id"));
            }
            if (component != null && ids.register(component.id(), component.location(), itemPath)) {
                components.add(component);
                context.addComponent(component);
            }
        }
        return components;
    }

    /**
     * Binds one component map; {@code inlineId} is the job id for a component written inline on a job (the map
     * may then not carry an id), null for a declared component.
     */
    static ComponentConfig bind(YNode node, String path, String inlineId, BindContext context) {
        Fields fields = Fields.of(singleAction(node, path, context), path, context.problems);
        String type = type(fields);
        if (type == null) {
            return null;
        }
        boolean withActionList = fields.map().has("actions");
        Set<String> allowed = ComponentTypes.componentKeys(type, withActionList);
        if (inlineId != null) {
            allowed.remove("id");
        }
        fields.allowOnly(allowed, type.equals(ComponentTypes.HTTP_CLIENT) ? UpstreamKeys.HTTP_CLIENT_COMPONENT
                : java.util.Map.of());
        String id = inlineId != null ? inlineId : context.id(fields, PLACEHOLDER_ID, "component");
        int maxConcurrentCount = fields.integer("max_concurrent_count", 0, 0, Integer.MAX_VALUE);
        RuntimeConfig runtime = RuntimeBinder.bind(fields.node("runtime"), fields.path("runtime"), false, context);
        List<ActionSpec> actions = withActionList ? actions(type, fields, context)
                : List.of(ActionBinder.bind(type, fields, fields, ComponentConfig.DEFAULT_ACTION_ID, false, false,
                        context));
        return new ComponentConfig(id, type, maxConcurrentCount, runtime, fields.bool("default", false), actions,
                inlineId != null, fields.location());
    }

    /** An inline component's singular {@code action:} mapping as an {@code actions:} list of one. */
    private static YNode singleAction(YNode node, String path, BindContext context) {
        if (!(node instanceof YMap map) || !(map.get("action") instanceof YMap action)) {
            return node;
        }
        YField field = map.field("action");
        if (map.has("actions")) {
            context.problems.add(field.keyLocation(), ConfigPath.child(path, "action"),
                    "use either 'action' or 'actions', not both");
            return map.without("action");
        }
        YField actions = new YField("actions", field.keyLocation(), new YList(List.of(action), action.location()));
        return map.without("action").with(actions);
    }

    /** The type, or null (reported) when it is missing or not served. */
    static String type(Fields fields) {
        String type = fields.string("type");
        if (type == null) {
            fields.problem("missing required key 'type' (served types: " + ComponentTypes.known() + ")");
            return null;
        }
        if (!ComponentTypes.isKnown(type)) {
            fields.problem("type", "component type '" + type + "' is not supported (served types: "
                    + ComponentTypes.known() + ")" + Suggestions.hint(type, ComponentTypes.ALL));
            return null;
        }
        return type;
    }

    private static List<ActionSpec> actions(String type, Fields component, BindContext context) {
        YList list = component.list("actions");
        List<ActionSpec> actions = new ArrayList<>();
        if (list == null || list.items().isEmpty()) {
            component.problem("actions", "a component needs at least one action");
            return actions;
        }
        IdRegistry ids = new IdRegistry("action", context.problems);
        for (int i = 0; i < list.items().size(); i++) {
            Fields fields = Fields.of(list.items().get(i), ConfigPath.index(component.path("actions"), i),
                    context.problems);
            fields.allowOnly(ComponentTypes.actionKeys(type), type.equals(ComponentTypes.HTTP_CLIENT)
                    ? UpstreamKeys.HTTP_CLIENT_ACTION : java.util.Map.of());
            String id = context.id(fields, ComponentConfig.DEFAULT_ACTION_ID, "action");
            ActionSpec action = ActionBinder.bind(type, fields, component, id, fields.bool("default", false), false,
                    context);
            if (ids.register(id, fields.location(), fields.path())) {
                actions.add(action);
            }
        }
        return actions;
    }
}
