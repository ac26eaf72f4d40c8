package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.ComponentConfig;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.ControllerConfig;
import io.modelcompose.shared.config.LoggerConfig;
import io.modelcompose.shared.config.WorkflowConfig;
import io.modelcompose.shared.config.tree.Problems;
import io.modelcompose.shared.config.tree.YList;
import io.modelcompose.shared.config.tree.YMap;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binds a merged, env-resolved config tree to a {@link ComposeConfig}, reporting every problem it finds. */
public final class ComposeBinder {
    private static final Set<String> KEYS = Set.of("controller", "components", "workflows", "loggers");

    private ComposeBinder() {
    }

    /**
     * @param root the merged tree with shorthands normalised and {@code ${env.*}} resolved
     * @param env the resolved environment
     * @param files the names of the merged files, in order
     * @param projectDir the folder relative paths are resolved against
     */
    public static ComposeConfig bind(YMap root, Map<String, String> env, List<String> files, Path projectDir,
            Problems problems) {
        Fields fields = new Fields(root, "", problems);
        fields.allowOnly(KEYS, UpstreamKeys.TOP_LEVEL);
        BindContext context = new BindContext(problems, projectDir, env, root.get("workflows"));
        ControllerConfig controller = ControllerBinder.bind(fields.node("controller"), context);
        YList componentList = fields.list("components");
        List<ComponentConfig> components = componentList == null ? List.of()
                : ComponentBinder.bindAll(componentList, "components", context);
        YList workflowList = fields.list("workflows");
        List<WorkflowConfig> workflows = workflowList == null ? List.of()
                : WorkflowBinder.bindAll(workflowList, "workflows", context);
        List<LoggerConfig> loggers = LoggerBinder.bindAll(fields.list("loggers"), "loggers", context);
        return new ComposeConfig(controller, components, workflows, loggers, env, files, problems.sortedWarnings(files));
    }
}
