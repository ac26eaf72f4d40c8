package io.modelcompose.shared.config;

/** One-line descriptions of a loaded configuration, for {@code compose-cli validate}. */
public final class ConfigSummary {
    private ConfigSummary() {
    }

    /**
     * For example {@code configuration is valid: controller http-server on 127.0.0.1:8080, 2 components,
     * 1 workflow}; a docker runtime and a base path are mentioned when set.
     */
    public static String describe(ComposeConfig config) {
        ControllerConfig controller = config.controller();
        StringBuilder text = new StringBuilder("configuration is valid: controller ")
                .append(controller.type()).append(" on ").append(controller.host()).append(':')
                .append(controller.port()).append(controller.basePath());
        if (controller.runtime().type() == RuntimeConfig.RuntimeType.DOCKER) {
            text.append(" (docker runtime)");
        }
        text.append(", ").append(count(config.components().size(), "component"))
                .append(", ").append(count(config.workflows().size(), "workflow"));
        return text.toString();
    }

    private static String count(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
