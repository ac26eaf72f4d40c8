package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.ComponentConfig;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.QueueConfig;
import io.modelcompose.shared.config.tree.Problems;
import io.modelcompose.shared.config.tree.YList;
import io.modelcompose.shared.config.tree.YMap;
import io.modelcompose.shared.config.tree.YNode;
import io.modelcompose.shared.config.tree.YScalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What binders share: the problem list, the project folder, the environment and the declared ids. */
final class BindContext {
    final Problems problems;
    final Path projectDir;
    final Map<String, String> env;
    private final Map<String, Boolean> workflows;
    private final Map<String, ComponentConfig> components = new LinkedHashMap<>();
    private final Set<String> brokenComponents = new HashSet<>();
    private QueueConfig queue;

    BindContext(Problems problems, Path projectDir, Map<String, String> env, YNode workflowList) {
        this.problems = problems;
        this.projectDir = projectDir;
        this.env = env;
        this.workflows = scanWorkflows(workflowList);
    }

    /** Workflow ids and their default flags, read ahead so components can check their references. */
    private static Map<String, Boolean> scanWorkflows(YNode workflowList) {
        Map<String, Boolean> ids = new LinkedHashMap<>();
        if (workflowList instanceof YList list) {
            for (YNode item : list.items()) {
                if (item instanceof YMap map) {
                    String id = map.text("id") == null ? WorkflowBinder.PLACEHOLDER_ID : map.text("id");
                    boolean isDefault = map.get("default") instanceof YScalar s && Boolean.TRUE.equals(s.value());
                    ids.merge(id, isDefault, Boolean::logicalOr);
                }
            }
        }
        return ids;
    }

    /** The id of the element, {@code placeholder} when not written; {@code __default__} is reported. */
    String id(Fields fields, String placeholder, String what) {
        String id = fields.string("id");
        if (id == null) {
            return placeholder;
        }
        if (id.equals(ComposeConfig.DEFAULT_ID)) {
            fields.problem("id", "'" + id + "' is reserved: it selects the default " + what);
        }
        return id;
    }

    /** Remembers {@code controller.queue} (null when absent): workflow components may then name remote workflows. */
    void queue(QueueConfig dispatch) {
        this.queue = dispatch;
    }

    /** {@code controller.queue}, or null. */
    QueueConfig queue() {
        return queue;
    }

    boolean hasWorkflow(String id) {
        return workflows.containsKey(id);
    }

    /** Why {@code __default__} selects no workflow, or null when it selects one. */
    String defaultWorkflowProblem() {
        if (workflows.size() == 1 || workflows.containsValue(Boolean.TRUE)) {
            return null;
        }
        return workflows.isEmpty() ? "no workflow is declared"
                : workflows.size() + " workflows are declared and none is marked 'default: true'";
    }

    /** Remembers a declared component that could not be bound (already reported), so references to it are not. */
    void addBrokenComponent(String id) {
        brokenComponents.add(id);
    }

    boolean isBrokenComponent(String id) {
        return brokenComponents.contains(id);
    }

    void addComponent(ComponentConfig component) {
        components.putIfAbsent(component.id(), component);
    }

    ComponentConfig component(String id) {
        return components.get(id);
    }

    List<String> componentIds() {
        return new ArrayList<>(components.keySet());
    }

    /** The only component or the one marked default; reports and returns null when there is none. */
    ComponentConfig defaultComponent(Fields job) {
        if (components.size() == 1) {
            return components.values().iterator().next();
        }
        if (components.isEmpty() && !brokenComponents.isEmpty()) {
            return null; // the declared component's own problem names its type
        }
        for (ComponentConfig component : components.values()) {
            if (component.isDefault()) {
                return component;
            }
        }
        job.problem("component", components.isEmpty() ? "no component is given and none is declared"
                : "no component is given and none of the " + components.size()
                        + " components is marked 'default: true'");
        return null;
    }
}
