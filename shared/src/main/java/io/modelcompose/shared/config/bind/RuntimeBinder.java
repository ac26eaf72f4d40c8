package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.RuntimeConfig;
import io.modelcompose.shared.config.RuntimeConfig.RuntimeType;
import io.modelcompose.shared.config.tree.YNode;
import java.util.List;
import java.util.Set;

/** Binds {@code runtime}: native, or (controller only) docker with its options. */
final class RuntimeBinder {
    private RuntimeBinder() {
    }

    static RuntimeConfig bind(YNode node, String path, boolean dockerAllowed, BindContext context) {
        if (node == null) {
            return RuntimeConfig.NATIVE;
        }
        Fields fields = Fields.of(node, path, context.problems);
        List<String> allowed = dockerAllowed ? List.of("native", "docker") : List.of("native");
        String type = fields.choice("type", null, allowed);
        if (type == null) {
            if (!fields.has("type")) {
                fields.problem("missing required key 'type' (allowed: " + String.join(", ", allowed) + ")");
            }
            return RuntimeConfig.NATIVE;
        }
        if (type.equals(RuntimeType.NATIVE.yamlName())) {
            fields.allowOnly(Set.of("type"));
            return RuntimeConfig.NATIVE;
        }
        return new RuntimeConfig(RuntimeType.DOCKER, DockerBinder.bind(fields, context));
    }
}
