package io.modelcompose.runtimeagent.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites the merged config tree for the inside of the container: {@code controller.runtime} and every
 * component's {@code runtime} become {@code native}, and the controller and its web UI listen on {@code 0.0.0.0}
 * unless a host is written (otherwise the published ports would reach nothing). Everything else, {@code ${env.*}} references
 * included, is kept as written.
 */
final class ConfigTreeRewriter {
    static final String NATIVE = "native";

    private ConfigTreeRewriter() {
    }

    static Map<String, Object> forContainer(Map<String, Object> tree) {
        Map<String, Object> copy = deepCopy(tree);
        Map<String, Object> controller = childMap(copy, "controller");
        controller.put("runtime", NATIVE);
        Object adapter = controller.get("adapter");
        if (adapter instanceof Map<?, ?> adapterMap && !controller.containsKey("host")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> a = (Map<String, Object>) adapterMap;
            a.putIfAbsent("host", "0.0.0.0");
        } else {
            controller.putIfAbsent("host", "0.0.0.0");
        }
        if (controller.get("webui") instanceof Map<?, ?> webui) {
            @SuppressWarnings("unchecked")
            Map<String, Object> ui = (Map<String, Object>) webui;
            ui.putIfAbsent("host", "0.0.0.0");
        }
        for (String key : List.of("components", "component")) {
            nativeRuntimes(copy.get(key));
        }
        return copy;
    }

    private static void nativeRuntimes(Object components) {
        if (components instanceof Map<?, ?> single) {
            nativeRuntime(single);
        } else if (components instanceof List<?> list) {
            list.forEach(c -> {
                if (c instanceof Map<?, ?> m) {
                    nativeRuntime(m);
                }
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static void nativeRuntime(Map<?, ?> component) {
        if (component.containsKey("runtime")) {
            ((Map<String, Object>) component).put("runtime", NATIVE);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> childMap(Map<String, Object> parent, String key) {
        Object child = parent.get(key);
        if (child instanceof Map<?, ?>) {
            return (Map<String, Object>) child;
        }
        Map<String, Object> created = new LinkedHashMap<>();
        parent.put(key, created);
        return created;
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return value;
    }
}
