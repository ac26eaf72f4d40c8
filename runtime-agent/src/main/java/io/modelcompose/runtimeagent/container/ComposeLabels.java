package io.modelcompose.runtimeagent.container;

/** The labels that mark a container (or volume, image) as ours. Containers without them are never touched. */
public final class ComposeLabels {
    public static final String PROJECT = "compose.project";
    public static final String SERVICE = "compose.service";

    private ComposeLabels() {
    }
}
