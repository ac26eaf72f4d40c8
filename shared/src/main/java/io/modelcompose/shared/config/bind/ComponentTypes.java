package io.modelcompose.shared.config.bind;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The built-in component types and the keys each accepts. */
final class ComponentTypes {
    static final String HTTP_CLIENT = "http-client";
    static final String SHELL = "shell";
    static final String LOGGER = "logger";
    static final String WORKFLOW = "workflow";
    static final List<String> ALL = List.of(HTTP_CLIENT, SHELL, LOGGER, WORKFLOW);

    /** Keys of every component. */
    static final Set<String> COMMON_KEYS = Set.of("id", "type", "max_concurrent_count", "runtime", "default",
            "actions", "title", "description");
    /** Keys of every action in an {@code actions:} list. */
    static final Set<String> COMMON_ACTION_KEYS = Set.of("id", "default", "title", "description");

    private static final Map<String, List<String>> COMPONENT_KEYS = Map.of(
            HTTP_CLIENT, List.of("base_url", "headers"),
            SHELL, List.of(),
            LOGGER, List.of(),
            WORKFLOW, List.of());
    private static final Map<String, List<String>> ACTION_KEYS = Map.of(
            HTTP_CLIENT, List.of("path", "endpoint", "method", "headers", "params", "body", "timeout", "output"),
            SHELL, List.of("command", "working_dir", "env", "timeout", "fail_on_error", "output"),
            LOGGER, List.of("level", "output"),
            WORKFLOW, List.of("workflow", "input", "output"));

    private ComponentTypes() {
    }

    static boolean isKnown(String type) {
        return ALL.contains(type);
    }

    static String known() {
        return String.join(", ", ALL);
    }

    static Set<String> componentKeys(String type, boolean withActionList) {
        Set<String> keys = new LinkedHashSet<>(COMMON_KEYS);
        keys.addAll(COMPONENT_KEYS.get(type));
        if (!withActionList) {
            keys.addAll(ACTION_KEYS.get(type));
        }
        return keys;
    }

    static Set<String> actionKeys(String type) {
        Set<String> keys = new LinkedHashSet<>(COMMON_ACTION_KEYS);
        keys.addAll(ACTION_KEYS.get(type));
        return keys;
    }

    /** Keys a job may carry when it names this type inline: the type's keys except the job's own timeout/output. */
    static Set<String> inlineJobKeys(String type) {
        Set<String> keys = new LinkedHashSet<>(COMPONENT_KEYS.get(type));
        keys.addAll(ACTION_KEYS.get(type));
        keys.remove("timeout");
        keys.remove("output");
        if (type.equals(WORKFLOW)) {
            keys.remove("input");
        }
        return keys;
    }
}
