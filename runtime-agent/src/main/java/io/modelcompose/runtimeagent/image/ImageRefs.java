package io.modelcompose.runtimeagent.image;

import io.modelcompose.shared.config.docker.DockerOptions;

/** The image and container names the agent uses when the options leave them out. */
public final class ImageRefs {
    private ImageRefs() {
    }

    /** {@code compose/<project>:latest}: the tag of the default image of a project. */
    public static String defaultTag(String project) {
        return "compose/" + project + ":latest";
    }

    /** The image a service runs: {@code image:} when written, else the project's default tag. */
    public static String imageFor(DockerOptions options, String project) {
        return options.image() != null ? options.image() : defaultTag(project);
    }

    /** {@code compose-<project>} for the controller, {@code compose-<project>-<service>} for other services. */
    public static String defaultContainerName(String project, String service) {
        return "controller".equals(service) ? "compose-" + project : "compose-" + project + "-" + service;
    }
}
